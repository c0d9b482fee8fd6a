"""python scripts/create_db.py: sys.path[0] is scripts/, so `app` is scripts/app.py."""

from app import init_db

init_db()
print("scripts: tables created")
