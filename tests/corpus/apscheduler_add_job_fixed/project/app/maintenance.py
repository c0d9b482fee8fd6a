from datetime import datetime

from app.extensions import db
from app.models import UserSession


def purge_sessions(app):
    with app.app_context():
        result = db.session.execute(db.delete(UserSession).where(UserSession.expires_at < datetime.now()))
        db.session.commit()
    print(f"purged {result.rowcount} expired sessions")
