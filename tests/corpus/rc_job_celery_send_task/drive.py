import os

import oracle

os.environ["CELERY_BROKER_URL"] = "memory://"

from shop import create_app  # noqa: E402

# the web process: the view sends the task by name (send_task publishes it; it never runs it here)
app = create_app()
client = app.test_client()
oracle.observe(client.post, "/carts", data={"owner": "ana"})
response = oracle.observe(client.post, "/admin/cleanup", data={"days": "7"})
if response is None or response.status_code != 202:
    oracle.record(AssertionError(f"send_task view failed: {response and response.status}"))

# `celery -A worker.celery worker`: the worker imports worker.py, looks the task up by the name it
# received and runs it. A broker round trip is out of reach here, so run it as the worker does:
# look the task up in the registry by name and apply it with the message's kwargs.
from worker import celery  # noqa: E402

oracle.observe(celery.tasks["shop.tasks.cleanup_carts"].apply, kwargs={"days": 7}, throw=True)
