from flask import Blueprint, request, session

from store.pricing import price_for

bp = Blueprint("store", __name__)


@bp.post("/login")
def login():
    session["user_id"] = request.form["user_id"]
    session["tier"] = request.form.get("tier", "silver")
    return {"ok": True}


@bp.get("/price/<sku>")
def price(sku):
    return {"sku": sku, "price": price_for(sku)}
