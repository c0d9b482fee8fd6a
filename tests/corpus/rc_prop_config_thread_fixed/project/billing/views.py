import threading

from flask import Blueprint, current_app, request

from billing.invoices import Invoice, render_pdf

bp = Blueprint("invoices", __name__, url_prefix="/invoices")


@bp.post("/")
def create_invoice():
    payload = request.get_json()
    number = f"{current_app.config['INVOICE_PREFIX']}-{payload['number']}"
    invoice = Invoice(number, payload["customer"], payload["lines"])
    # rendering is slow: do it in the background and answer right away
    app = current_app._get_current_object()
    threading.Thread(target=render_pdf, args=(app, invoice), daemon=True).start()
    return {"number": invoice.number, "total": str(invoice.total)}, 202
