from flask import current_app, request

from ledger import db
from ledger.models import Entry


def close_day():
    entries = db.session.execute(db.select(Entry).where(Entry.closed.is_(False))).scalars().all()
    for entry in entries:
        entry.closed = True
    db.session.commit()
    return len(entries)


def export_filename(day):
    return f"ledger-{day}.{current_app.config['EXPORT_FORMAT']}"


def preview_heading():
    return f"Ledger for {request.args.get('day', 'today')}"


def money(amount):
    return f"{amount} {current_app.config['CURRENCY']}"
