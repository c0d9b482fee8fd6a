"""Give every article without a slug one: python scripts/backfill_slugs.py"""

from app import create_app, db
from app.maintenance import backfill_slugs

if __name__ == "__main__":
    app = create_app()
    ctx = app.app_context()
    updated = backfill_slugs()
    ctx.push()
    db.session.commit()
    ctx.pop()
    print(f"backfilled {updated} slugs")
