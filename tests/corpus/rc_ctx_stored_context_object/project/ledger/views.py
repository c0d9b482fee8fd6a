from flask import Blueprint, jsonify

from ledger import db
from ledger.books import preview_heading
from ledger.models import Entry

bp = Blueprint("ledger", __name__)


@bp.get("/entries")
def entries():
    rows = db.session.execute(db.select(Entry).order_by(Entry.id)).scalars()
    return jsonify(heading=preview_heading(), entries=[e.amount for e in rows])
