from datetime import datetime

from apscheduler.schedulers.background import BackgroundScheduler

from app.jobs import nightly_audit_rotation

scheduler = BackgroundScheduler()


def init_scheduler(app):
    # Rotate once right after startup, then every night.
    scheduler.add_job(nightly_audit_rotation, "date", args=[app], run_date=datetime.now(), id="audit-rotation")
    scheduler.start()
