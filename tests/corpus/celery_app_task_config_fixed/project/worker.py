# celery -A worker.celery worker
from celery import Task

from app import create_app
from app.celery_app import celery


class FlaskTask(Task):
    def __call__(self, *args, **kwargs):
        with app.app_context():
            return super().__call__(*args, **kwargs)


app = create_app()
celery.Task = FlaskTask
