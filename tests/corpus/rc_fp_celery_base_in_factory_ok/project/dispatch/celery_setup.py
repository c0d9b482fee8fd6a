from celery import Celery, Task
from flask import current_app


class DispatchTask(Task):
    abstract = True

    def __call__(self, *args, **kwargs):
        # give every task body the Flask config, logger and database session
        with current_app.app_context():
            return super().__call__(*args, **kwargs)


class DispatchCelery(Celery):
    """Created empty at import time; configured for real by create_app()."""

    def init_app(self, app):
        super().__init__(
            app.import_name,
            broker=app.config["BROKER_URL"],
            task_cls=DispatchTask,
        )
        self.conf.update(task_ignore_result=True, task_default_queue=app.config["DEFAULT_QUEUE"])
