from decimal import Decimal
from pathlib import Path

from flask import current_app


class Invoice:
    def __init__(self, number, customer, lines):
        self.number = number
        self.customer = customer
        self.lines = lines

    @property
    def total(self):
        return sum((Decimal(price) * qty for _, price, qty in self.lines), Decimal("0"))

    @property
    def pdf_path(self):
        return Path(current_app.config["INVOICE_DIR"]) / f"{self.number}.pdf"


RENDERED = {}


def render_pdf(invoice):
    RENDERED[invoice.number] = (str(invoice.pdf_path), f"{invoice.customer}: {invoice.total}")
