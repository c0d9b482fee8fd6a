from flask import Blueprint, current_app, jsonify

from ledger.pricing import format_amount, with_vat

bp = Blueprint("prices", __name__)


@bp.get("/price/<int:cents>")
def price(cents):
    gross = with_vat(cents, current_app.config["VAT_RATE"])
    return jsonify(gross=format_amount(gross, current_app.config["CURRENCY"]))
