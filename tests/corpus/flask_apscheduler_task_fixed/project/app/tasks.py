from datetime import datetime

from app.cache import active_tokens
from app.extensions import scheduler
from app.models import Session


@scheduler.task("interval", id="cleanup_sessions", minutes=30, next_run_time=datetime.now())
def cleanup_sessions():
    with scheduler.app.app_context():
        expired = Session.query.filter(Session.expired == True).all()  # noqa: E712
        for session in expired:
            active_tokens.discard(session.token)
