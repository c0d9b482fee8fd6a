from celery.signals import task_postrun

from app import create_app
from app.extensions import db
from app.models import TaskRun

flask_app = create_app()
celery_app = flask_app.extensions["celery"]


@task_postrun.connect
def record_task_run(sender=None, task_id=None, state=None, **kwargs):
    db.session.add(TaskRun(task_id=task_id, name=sender.name, state=state))
    db.session.commit()
