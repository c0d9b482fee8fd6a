from collections import defaultdict

from flask import flash

CARTS = defaultdict(list)


def add_item(owner, sku, notify=True):
    CARTS[owner].append(sku)
    if notify:
        flash(f"{sku} was added to your cart")
    return len(CARTS[owner])


def remove_item(owner, sku, notify=True):
    if sku in CARTS[owner]:
        CARTS[owner].remove(sku)
        if notify:
            flash(f"{sku} was removed from your cart")
    return len(CARTS[owner])
