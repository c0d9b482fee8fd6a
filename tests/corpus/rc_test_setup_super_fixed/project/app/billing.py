from flask import current_app, g

from app import db
from app.models import Customer


def invoice_number(seq):
    return f"{current_app.config['INVOICE_PREFIX']}-{seq:05d}"


def open_customer(email):
    customer = Customer(email=email.strip().lower())
    db.session.add(customer)
    db.session.commit()
    return customer


def find_customer(email):
    return Customer.query.filter_by(email=email.strip().lower()).first()


def acting_user():
    return g.get("user", "system")
