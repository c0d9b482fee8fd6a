"""Create the first admin account: python scripts/seed_db.py admin@example.com"""

import sys

from app import create_app, db
from app.models import User


def seed_admin(email):
    db.session.add(User(email=email, is_admin=True))
    db.session.commit()
    print(f"created admin {email}")


if __name__ == "__main__":
    app = create_app()
    seed_admin(sys.argv[1] if len(sys.argv) > 1 else "admin@example.com")
