from celery import Celery, Task
from flask_sqlalchemy import SQLAlchemy


class FlaskCelery(Celery):
    """A Celery object that can be created before the Flask app and bound to it later."""

    def init_app(self, app):
        class AppContextTask(Task):
            def __call__(self, *args, **kwargs):
                with app.app_context():
                    return super().__call__(*args, **kwargs)

        super().__init__(app.import_name, broker=app.config["CELERY_BROKER_URL"], task_cls=AppContextTask)
        self.conf.update(task_ignore_result=True)
        app.extensions["celery"] = self


db = SQLAlchemy()
celery = FlaskCelery()
