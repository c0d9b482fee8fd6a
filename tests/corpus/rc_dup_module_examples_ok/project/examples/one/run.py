"""Create example one's table: python examples/one/run.py"""

from app import setup_db

setup_db()
print("example one: database ready")
