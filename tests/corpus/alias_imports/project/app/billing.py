from flask import current_app as app


def sync_invoices(account_id):
    gateway = app.config["BILLING_GATEWAY"]
    print(f"GET {gateway}/accounts/{account_id}/invoices")
