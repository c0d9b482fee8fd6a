from flask import current_app, url_for

from app.extensions import db
from app.models import Sale


class ReportBuilder:
    """Collects everything Flask-bound up front (in the view); build() only formats and sends."""

    def __init__(self, recipients):
        self.recipients = list(recipients)
        self.sender = current_app.config["REPORT_SENDER"]
        self.total = sum(s.amount_cents for s in db.session.execute(db.select(Sale)).scalars())
        self.link = url_for("reports.dashboard", _external=True)

    def build(self):
        for to in self.recipients:
            print(f"From: {self.sender} To: {to} -- total {self.total / 100:.2f}, details at {self.link}")
