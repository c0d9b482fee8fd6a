# gunicorn wsgi:app
from app import app  # noqa: F401
from jobs import scheduler

scheduler.start()
