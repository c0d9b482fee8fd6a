"""Worker entry point: celery -A worker.celery worker"""

from store import create_app
from store.extensions import celery

app = create_app()

import store.tasks  # noqa: E402,F401
