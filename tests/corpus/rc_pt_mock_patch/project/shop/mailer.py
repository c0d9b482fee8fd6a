from flask import current_app


def receipt_sender():
    return current_app.config["RECEIPTS_FROM"]
