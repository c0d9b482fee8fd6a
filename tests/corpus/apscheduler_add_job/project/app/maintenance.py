from datetime import datetime

from app.extensions import db
from app.models import UserSession


def purge_sessions():
    with db.engine.begin() as connection:
        result = connection.execute(db.delete(UserSession).where(UserSession.expires_at < datetime.now()))
    print(f"purged {result.rowcount} expired sessions")
