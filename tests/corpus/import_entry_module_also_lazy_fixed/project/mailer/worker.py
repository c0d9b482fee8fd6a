from celery import Celery

from mailer import create_app

flask_app = create_app()
with flask_app.app_context():
    QUEUE = flask_app.config["MAIL_QUEUE"]

celery = Celery("mailer", broker="memory://")


def queue_name():
    return QUEUE
