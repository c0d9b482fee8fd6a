import os

from celery import Celery

celery = Celery(__name__, broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0"))
celery.conf.task_ignore_result = True
