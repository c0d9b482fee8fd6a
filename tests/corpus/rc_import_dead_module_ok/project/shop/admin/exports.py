from flask import current_app, jsonify

from shop.admin import admin_bp
from shop.store import ORDERS

EXPORT_LIMIT = current_app.config["ADMIN_EXPORT_LIMIT"]


@admin_bp.get("/orders/export")
def export_orders():
    return jsonify(rows=ORDERS[:EXPORT_LIMIT], limit=EXPORT_LIMIT)
