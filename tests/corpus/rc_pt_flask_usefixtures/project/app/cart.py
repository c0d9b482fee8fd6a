from flask import current_app, request, session


def cart_size():
    return len(session.get("cart", []))


def max_items():
    return current_app.config["CART_MAX_ITEMS"]


def discount_code():
    return request.args.get("code")
