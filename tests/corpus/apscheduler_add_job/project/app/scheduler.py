from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler

from app.maintenance import purge_sessions

scheduler = BackgroundScheduler()


def init_scheduler(app):
    # Purge stale sessions once, in the background, right after startup.
    scheduler.add_job(purge_sessions, "date", run_date=datetime.now(), id="purge-sessions")
    scheduler.start()
