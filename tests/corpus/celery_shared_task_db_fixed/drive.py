import os

import oracle

# The worker and the web process talk through an in-memory broker (no Redis offline).
os.environ["CELERY_BROKER_URL"] = "memory://"

# `celery -A make_celery worker` imports this module, then runs each task it receives.
from make_celery import celery_app, flask_app  # noqa: E402

client = flask_app.test_client()
oracle.observe(client.post, "/signup", data={"email": "ada@example.com"})

# What the worker does with each message: run the task outside any Flask context.
oracle.observe(celery_app.tasks["app.tasks.send_welcome_email"].apply, args=(1,), throw=True)
oracle.observe(celery_app.tasks["app.tasks.report_inactive_accounts"].apply, kwargs={"days": 30}, throw=True)
