from flask import Blueprint, current_app, jsonify

PAGE_SIZE = current_app.config["ADMIN_PAGE_SIZE"]

bp = Blueprint("admin", __name__, url_prefix=current_app.config["ADMIN_URL_PREFIX"])

ORDERS = [{"id": n, "total": n * 10} for n in range(1, 61)]


@bp.get("/orders")
def orders():
    return jsonify(orders=ORDERS[:PAGE_SIZE], page_size=PAGE_SIZE)
