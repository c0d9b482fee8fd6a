from celery.signals import task_postrun

from app import create_app
from app.extensions import db

flask_app = create_app()
celery_app = flask_app.extensions["celery"]


@task_postrun.connect
def close_db_session(*args, **kwargs):
    # Never leak a database session from one task to the next.
    db.session.remove()
