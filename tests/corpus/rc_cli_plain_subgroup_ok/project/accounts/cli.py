import click

from accounts import db
from accounts.models import Invoice


@click.group("billing")
def billing():
    """Billing maintenance (run by cron as `flask billing ...`)."""


@billing.command("close-month")
@click.argument("month")
def close_month(month):
    invoices = db.session.scalars(db.select(Invoice).where(Invoice.month == month, Invoice.closed.is_(False))).all()
    for invoice in invoices:
        invoice.closed = True
    db.session.commit()
    click.echo(f"closed {len(invoices)} invoices for {month}")
