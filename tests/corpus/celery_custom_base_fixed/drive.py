import os

import oracle

os.environ["CELERY_BROKER_URL"] = "memory://"

# `celery -A app.celery worker` imports the app module, then runs the tasks it receives.
from app import app, celery  # noqa: E402

client = app.test_client()
oracle.observe(client.post, "/products", data={"name": "Kettle", "stock": "4"})
oracle.observe(client.post, "/admin/reindex")

oracle.observe(celery.tasks["tasks.recount_stock"].apply, throw=True)
oracle.observe(celery.tasks["tasks.rebuild_search_index"].apply, throw=True)
