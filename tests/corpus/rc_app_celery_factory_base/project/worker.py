"""Worker entry point: celery -A worker.celery worker"""

from shop import create_app
from shop.celery_app import make_celery

celery = make_celery(create_app())

import shop.tasks  # noqa: E402,F401
