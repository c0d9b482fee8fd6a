from flask import current_app

PRICES = {"mug": 900, "tee": 1900}
SENT = []


def cart_lines(skus):
    return [(sku, PRICES[sku]) for sku in skus]


def reminder_text(email, skus):
    total = sum(price for _, price in cart_lines(skus))
    return f"{email}: you left {total / 100:.2f} {current_app.config['CURRENCY']} in your cart"


def quote(sku, lang="en"):
    return {"sku": sku, "price": PRICES[sku], "lang": lang}
