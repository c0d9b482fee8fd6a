import os

from flask import current_app


def write_invoice_csv(path, invoices):
    currency = current_app.config["INVOICE_CURRENCY"]
    lines = [f"{inv['number']},{inv['total']:.2f},{currency}" for inv in invoices]
    path.write_text("\n".join(lines), encoding="utf-8")
    return len(lines)


def print_footer():
    footer = current_app.config["INVOICE_FOOTER"]
    print(f"{footer} -- {os.environ.get('COMPANY_NAME', 'Ledgerly')}")


def invoice_number(seq, prefix="INV"):
    return f"{prefix}-{seq:05d}"
