from concurrent.futures import ThreadPoolExecutor
from functools import partial

from billing import db
from billing.models import Invoice


class InvoiceRenderer:
    def __init__(self, app, currency):
        self.app = app
        self.currency = currency

    def render_many(self, invoice_ids):
        render = partial(self.render_one, self.currency)
        with ThreadPoolExecutor(max_workers=4) as pool:
            futures = [pool.submit(render, invoice_id) for invoice_id in invoice_ids]
            return [f.result() for f in futures]

    def render_one(self, currency, invoice_id):
        with self.app.app_context():
            invoice = db.session.get(Invoice, invoice_id)
            return f"#{invoice.id} {invoice.customer}: {invoice.amount_cents / 100:.2f} {currency}"
