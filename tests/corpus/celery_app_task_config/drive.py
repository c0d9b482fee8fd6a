import os

import oracle

os.environ["CELERY_BROKER_URL"] = "memory://"

# `celery -A worker.celery worker` imports the worker module, then runs the tasks it receives.
import worker  # noqa: E402

client = worker.app.test_client()
oracle.observe(client.post, "/contact", data={"message": "Do you ship to Norway?"})

oracle.observe(worker.celery.tasks["app.tasks.notify_admins"].apply, args=("New contact request", "hi"), throw=True)
