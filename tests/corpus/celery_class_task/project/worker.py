# celery -A worker.celery worker -B
import os
from datetime import datetime, timedelta, timezone

from celery import Celery
from flask import current_app

from app import UPLOADS, create_app

flask_app = create_app()
celery = Celery(__name__, broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
celery.conf.beat_schedule = {
    "purge-expired-uploads": {"task": "uploads.purge_expired", "schedule": 3600.0},
}


class PurgeExpiredUploads(celery.Task):
    name = "uploads.purge_expired"

    def run(self):
        max_age = current_app.config["UPLOAD_MAX_AGE_DAYS"]
        cutoff = datetime.now(timezone.utc) - timedelta(days=max_age)
        expired = [name for name, uploaded_at in UPLOADS.items() if uploaded_at < cutoff]
        for name in expired:
            del UPLOADS[name]
        return len(expired)


purge_expired_uploads = celery.register_task(PurgeExpiredUploads())
