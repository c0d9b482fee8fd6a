from celery import Celery

celery = Celery("shop")


def init_celery(app):
    celery.conf.update(broker_url=app.config["CELERY_BROKER_URL"], task_ignore_result=True)
    app.extensions["celery"] = celery
    return celery
