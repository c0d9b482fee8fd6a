"""Create example one's tables: python examples/one/run.py"""

from app import app, init_db

with app.app_context():
    init_db()
print("example one: tables created")
