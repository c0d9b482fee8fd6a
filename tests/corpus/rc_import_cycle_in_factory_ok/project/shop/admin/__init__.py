from flask import Blueprint

admin_bp = Blueprint("admin", __name__, url_prefix="/admin")

from shop.admin import exports, orders  # noqa: E402,F401  (they register their routes on admin_bp)
