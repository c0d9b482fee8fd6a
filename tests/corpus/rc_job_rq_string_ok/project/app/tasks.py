"""Jobs run by `rq worker shop-exports`; the web app enqueues them by dotted name."""

import csv
import io

from app.extensions import db
from app.models import Order


def export_orders(customer):
    rows = db.session.execute(db.select(Order).filter_by(customer=customer)).scalars().all()
    out = io.StringIO()
    csv.writer(out).writerows([(o.id, o.total_cents) for o in rows])
    return out.getvalue()
