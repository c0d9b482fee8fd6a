import csv

from flask import Blueprint, get_flashed_messages, jsonify, redirect, request, url_for

from catalog.importer import PRODUCTS, import_products

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.post("/import")
def upload():
    rows = list(csv.reader(request.get_data(as_text=True).splitlines()))
    import_products(rows)
    return redirect(url_for("admin.products"))


@bp.get("/products")
def products():
    return jsonify({"products": PRODUCTS, "messages": get_flashed_messages()})
