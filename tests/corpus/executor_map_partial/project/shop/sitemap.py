from concurrent.futures import ThreadPoolExecutor
from functools import partial

from flask import Blueprint, Response, url_for

from shop.catalog import PRODUCTS

bp = Blueprint("sitemap", __name__)


def render_row(indent, product):
    loc = url_for("catalog.product", product_id=product["id"], slug=product["slug"], _external=True)
    return f"{indent}<url><loc>{loc}</loc></url>"


@bp.get("/sitemap.xml")
def sitemap():
    with ThreadPoolExecutor(max_workers=4) as ex:
        rows = list(ex.map(partial(render_row, "  "), PRODUCTS))
    body = "<urlset>\n" + "\n".join(rows) + "\n</urlset>\n"
    return Response(body, mimetype="application/xml")
