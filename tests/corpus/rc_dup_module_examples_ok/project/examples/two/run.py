"""Create example two's tables: python examples/two/run.py"""

from app import setup_db

setup_db()
print("example two: database ready")
