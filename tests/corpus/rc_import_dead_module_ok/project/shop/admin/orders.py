from flask import current_app, jsonify, request

from shop.admin import admin_bp
from shop.store import ORDERS


@admin_bp.get("/orders")
def list_orders():
    page = request.args.get("page", 1, type=int)
    size = current_app.config["ADMIN_PAGE_SIZE"]
    return jsonify(orders=ORDERS[(page - 1) * size : page * size], page=page)
