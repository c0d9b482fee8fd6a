"""A second Celery app for the reporting queue: it never got the FlaskTask base."""

from celery import Celery
from flask import current_app

reports = Celery("reports", broker="memory://")


@reports.task
def build_report():
    return current_app.config["REPORT_DIR"]
