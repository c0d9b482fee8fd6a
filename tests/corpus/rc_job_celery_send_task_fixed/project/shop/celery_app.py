from celery import Celery

celery = Celery("shop")


def init_celery(app):
    celery.conf.update(broker_url=app.config["CELERY_BROKER_URL"], task_ignore_result=True)

    class FlaskTask(celery.Task):
        def __call__(self, *args, **kwargs):
            with app.app_context():
                return self.run(*args, **kwargs)

    celery.Task = FlaskTask
    app.extensions["celery"] = celery
    return celery
