from celery import Celery, Task

from reports import create_app

flask_app = create_app()


class RequestContextTask(Task):
    """Mail bodies need external URLs: run each task in a request context for the public host."""

    def __call__(self, *args, **kwargs):
        with flask_app.test_request_context(base_url="https://reports.example.com"):
            return super().__call__(*args, **kwargs)


celery = Celery("reports", broker="memory://", task_cls=RequestContextTask)
celery.conf.update(task_ignore_result=True)
