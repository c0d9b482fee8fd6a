import os

import oracle

os.environ["CELERY_BROKER_URL"] = "memory://"

# `celery -A make_celery worker` imports this module, then runs the tasks it receives.
from make_celery import celery_app, flask_app  # noqa: E402

client = flask_app.test_client()
oracle.observe(client.get, "/documents/7/download", headers={"User-Agent": "curl/8.5"})

# Worker side: FlaskTask gives the task an app context, but there is no request in a worker.
oracle.observe(celery_app.tasks["app.tasks.record_download"].apply, args=(7, "curl/8.5"), throw=True)
