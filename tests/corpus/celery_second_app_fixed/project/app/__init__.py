from flask import Flask

from app.celery_app import celery_init_app


def create_app():
    app = Flask(__name__)
    app.config.update(CELERY={"broker_url": "memory://", "task_ignore_result": True}, REPORT_DIR="/tmp/reports")
    celery_init_app(app)
    return app
