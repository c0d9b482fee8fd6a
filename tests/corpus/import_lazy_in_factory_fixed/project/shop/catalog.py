from flask import Blueprint, current_app, render_template_string, request

PAGE_SIZE = current_app.config["CATALOG_PAGE_SIZE"]

PRODUCTS = [{"name": f"Mug #{n}", "price": 7.5 + n} for n in range(1, 51)]

PAGE = """{% for p in products %}{{ p.name }}: {{ p.price|money }}
{% endfor %}"""

bp = Blueprint("catalog", __name__)


@bp.get("/products")
def products():
    page = request.args.get("page", 1, type=int)
    start = (page - 1) * PAGE_SIZE
    return render_template_string(PAGE, products=PRODUCTS[start:start + PAGE_SIZE])
