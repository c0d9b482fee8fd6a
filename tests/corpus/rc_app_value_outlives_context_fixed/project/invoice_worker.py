"""Invoice batch job; the nightly runner imports it and calls run_batch (settings are read once, at import)."""

from flask import current_app

from billing import create_app

_app = create_app()
with _app.app_context():
    config = current_app.config
    BATCH_SIZE = current_app.config["INVOICE_BATCH_SIZE"]
CURRENCY = config["BILLING_CURRENCY"]


def run_batch(invoice_ids):
    for start in range(0, len(invoice_ids), BATCH_SIZE):
        print(f"billing {invoice_ids[start:start + BATCH_SIZE]} in {CURRENCY}")

