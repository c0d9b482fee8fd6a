# celery -A worker.celery worker
from app import create_app
from app.celery_app import celery  # noqa: F401

app = create_app()
