from celery import Celery, Task

from reports import create_app

flask_app = create_app()


class AppContextTask(Task):
    def __call__(self, *args, **kwargs):
        with flask_app.app_context():
            return super().__call__(*args, **kwargs)


celery = Celery("reports", broker="memory://", task_cls=AppContextTask)
celery.conf.update(task_ignore_result=True)
