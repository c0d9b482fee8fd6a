from flask import current_app, url_for

from app.extensions import db
from app.models import Sale


class ReportBuilder:
    """Builds the sales summary and mails it to a list of recipients."""

    def __init__(self, recipients, app):
        self.recipients = list(recipients)
        self.app = app

    def build(self):
        with self.app.app_context():
            sender = current_app.config["REPORT_SENDER"]
            total = sum(s.amount_cents for s in db.session.execute(db.select(Sale)).scalars())
            link = url_for("reports.dashboard", _external=True)
        for to in self.recipients:
            print(f"From: {sender} To: {to} -- total {total / 100:.2f}, details at {link}")
