from flask import Blueprint, jsonify

from shop.billing import invoice_number, price_label, tax_for

bp = Blueprint("checkout", __name__)


@bp.get("/checkout/<country>/<int:amount>")
def checkout(country, amount):
    return jsonify(
        {"total": price_label(amount + tax_for(country, amount)), "invoice": invoice_number(1)}
    )
