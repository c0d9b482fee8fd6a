import threading

from flask import Blueprint, request

from cart.store import CARTS, add_item, remove_item

bp = Blueprint("cart", __name__)


def import_wishlist(owner, skus):
    for sku in skus:
        add_item(owner, sku, notify=False)


@bp.post("/cart/<owner>/items")
def add(owner):
    return {"count": add_item(owner, request.form["sku"])}


@bp.delete("/cart/<owner>/items/<sku>")
def remove(owner, sku):
    return {"count": remove_item(owner, sku)}


@bp.post("/cart/<owner>/import")
def import_items(owner):
    threading.Thread(target=import_wishlist, args=(owner, request.form.getlist("sku"))).start()
    return {"items": CARTS[owner]}, 202
