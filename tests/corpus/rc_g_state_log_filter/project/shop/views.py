from flask import Blueprint, current_app, g, request

bp = Blueprint("shop", __name__)

CATALOG = {}


@bp.before_app_request
def identify_user():
    g.user = request.headers.get("X-User")


@bp.get("/products/<name>")
def product(name):
    current_app.logger.info("product page %s", name)
    return {"name": name, "price": CATALOG.get(name)}
