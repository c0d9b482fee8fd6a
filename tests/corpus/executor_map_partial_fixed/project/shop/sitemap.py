from concurrent.futures import ThreadPoolExecutor
from functools import partial

from flask import Blueprint, Response, current_app, url_for

from shop.catalog import PRODUCTS

bp = Blueprint("sitemap", __name__)


def render_row(app, indent, product):
    # SERVER_NAME is configured, so url_for works in a bare app context.
    with app.app_context():
        loc = url_for("catalog.product", product_id=product["id"], slug=product["slug"], _external=True)
    return f"{indent}<url><loc>{loc}</loc></url>"


@bp.get("/sitemap.xml")
def sitemap():
    app = current_app._get_current_object()
    with ThreadPoolExecutor(max_workers=4) as ex:
        rows = list(ex.map(partial(render_row, app, "  "), PRODUCTS))
    body = "<urlset>\n" + "\n".join(rows) + "\n</urlset>\n"
    return Response(body, mimetype="application/xml")
