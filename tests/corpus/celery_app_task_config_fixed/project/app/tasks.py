from flask import current_app

from app.celery_app import celery


@celery.task
def notify_admins(subject, body):
    recipients = current_app.config["ADMINS"]
    for address in recipients:
        print(f"to {address}: {subject}\n{body}")
    return len(recipients)
