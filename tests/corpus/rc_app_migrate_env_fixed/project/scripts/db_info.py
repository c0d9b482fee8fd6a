"""Print which database the app points at: python scripts/db_info.py"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from flask import current_app  # noqa: E402

from notes import create_app  # noqa: E402

app = create_app()
with app.app_context():
    print(f"database: {current_app.config['SQLALCHEMY_DATABASE_URI']}")
