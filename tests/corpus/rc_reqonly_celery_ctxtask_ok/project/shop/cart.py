from flask import current_app, g

PRICES = {"mug": 900, "tee": 1900}
AUDIT = []


def audit(action):
    AUDIT.append((g.get("actor", "worker"), action))


def price_list():
    audit("price-list")
    return {sku: f"{cents / 100:.2f} {current_app.config['CURRENCY']}" for sku, cents in PRICES.items()}
