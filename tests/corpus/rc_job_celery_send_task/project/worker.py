"""Worker entry point: celery -A worker.celery worker"""

from shop import create_app

flask_app = create_app()
celery = flask_app.extensions["celery"]

import shop.tasks  # noqa: E402,F401
