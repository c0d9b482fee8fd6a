from flask import Blueprint, jsonify, request

from billing import db
from billing.models import Invoice
from billing.rendering import InvoiceRenderer

bp = Blueprint("billing", __name__)


@bp.post("/invoices")
def create_invoice():
    invoice = Invoice(customer=request.form["customer"], amount_cents=int(request.form["amount_cents"]))
    db.session.add(invoice)
    db.session.commit()
    return jsonify(id=invoice.id), 201


@bp.get("/invoices/batch")
def batch():
    ids = [int(i) for i in request.args.getlist("id")]
    lines = InvoiceRenderer(request.args.get("currency", "EUR")).render_many(ids)
    return jsonify(lines=lines)
