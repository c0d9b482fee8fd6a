from flask import Blueprint, jsonify

from accounts import db
from accounts.models import Invoice

bp = Blueprint("invoices", __name__)


@bp.get("/invoices/<month>")
def by_month(month):
    rows = db.session.scalars(db.select(Invoice).where(Invoice.month == month))
    return jsonify([{"id": i.id, "closed": i.closed} for i in rows])
