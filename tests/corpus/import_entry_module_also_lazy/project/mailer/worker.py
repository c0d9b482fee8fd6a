from celery import Celery
from flask import current_app

QUEUE = current_app.config["MAIL_QUEUE"]

celery = Celery("mailer", broker="memory://")


def queue_name():
    return QUEUE
