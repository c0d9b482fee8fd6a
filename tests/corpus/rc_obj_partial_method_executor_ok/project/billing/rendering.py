from concurrent.futures import ThreadPoolExecutor
from functools import partial

from flask import copy_current_request_context

from billing import db
from billing.models import Invoice


class InvoiceRenderer:
    def __init__(self, currency):
        self.currency = currency

    def render_many(self, invoice_ids):
        with ThreadPoolExecutor(max_workers=4) as pool:
            futures = [
                pool.submit(copy_current_request_context(partial(self.render_one, self.currency, invoice_id)))
                for invoice_id in invoice_ids
            ]
            return [f.result() for f in futures]

    def render_one(self, currency, invoice_id):
        invoice = db.session.get(Invoice, invoice_id)
        return f"#{invoice.id} {invoice.customer}: {invoice.amount_cents / 100:.2f} {currency}"
