import os
from datetime import datetime, timedelta, timezone

import oracle

os.environ["CELERY_BROKER_URL"] = "memory://"

# `celery -A worker.celery worker -B` imports the worker module; beat sends uploads.purge_expired.
import worker  # noqa: E402
from app import UPLOADS  # noqa: E402

UPLOADS["old.pdf"] = datetime.now(timezone.utc) - timedelta(days=90)
UPLOADS["new.pdf"] = datetime.now(timezone.utc)

client = worker.flask_app.test_client()
oracle.observe(client.get, "/uploads")

oracle.observe(worker.celery.tasks["uploads.purge_expired"].apply, throw=True)
