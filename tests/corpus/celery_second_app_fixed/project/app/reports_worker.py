"""A second Celery app for the reporting queue, with its own context-pushing base."""

from celery import Celery, Task
from flask import current_app


class ReportTask(Task):
    def __call__(self, *args, **kwargs):
        from app import create_app

        with create_app().app_context():
            return self.run(*args, **kwargs)


reports = Celery("reports", broker="memory://", task_cls=ReportTask)


@reports.task
def build_report():
    return current_app.config["REPORT_DIR"]
