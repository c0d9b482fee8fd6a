from flask import Blueprint

from invoicing.export import invoice_number

bp = Blueprint("invoices", __name__)


@bp.get("/invoices/next")
def next_number():
    return invoice_number(1)
