from flask import current_app as app


def sync_invoices(flask_app, account_id):
    with flask_app.app_context():
        gateway = app.config["BILLING_GATEWAY"]
    print(f"GET {gateway}/accounts/{account_id}/invoices")
