from flask import current_app, g, session

from shop.mailer import receipt_sender


def charge_headers():
    return {"Authorization": "Bearer " + current_app.config["PAYMENT_API_KEY"]}


def rates_for():
    return current_app.config["TAX_RATES"]


def tax_for(country, amount):
    return round(amount * rates_for()[country], 2)


def currency():
    return session.get("currency", "EUR")


def price_label(amount):
    return f"{amount:.2f} {currency()}"


def tenant():
    return g.tenant


def invoice_number(seq):
    return f"{tenant().upper()}-{seq:04d}"


def send_receipt(email, amount):
    return {"from": receipt_sender(), "to": email, "body": price_label(amount)}
