"""celery -A worker.celery worker --beat"""

from reports.celery_app import celery
import reports.tasks  # noqa: F401
