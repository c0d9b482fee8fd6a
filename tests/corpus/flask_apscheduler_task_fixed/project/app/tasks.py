from datetime import datetime

from app.extensions import db, scheduler
from app.models import Session


@scheduler.task("interval", id="cleanup_sessions", minutes=30, next_run_time=datetime.now())
def cleanup_sessions():
    with scheduler.app.app_context():
        Session.query.filter(Session.expired == True).delete()  # noqa: E712
        db.session.commit()
