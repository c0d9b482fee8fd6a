from flask import current_app, flash

PRODUCTS = {}


def import_products(rows):
    currency = current_app.config["CATALOG_CURRENCY"]
    for sku, name, price in rows:
        PRODUCTS[sku] = {"name": name, "price": float(price), "currency": currency}
    flash(f"Imported {len(rows)} products")
    return len(rows)
