"""Worker entry point: celery -A worker.celery worker"""

from newsletter import create_app
from newsletter.extensions import celery  # noqa: F401

app = create_app()

import newsletter.tasks  # noqa: E402,F401
