import oracle
from shop import create_app
from worker import celery

# `celery -A worker.celery worker` imports worker.py (which builds the app and installs the
# ContextTask base), then runs the tasks it receives.
oracle.observe(celery.tasks["shop.purge_stale_carts"].apply, throw=True)
oracle.observe(celery.tasks["shop.count_carts"].apply, throw=True)

# the web process (flask --app shop run)
client = create_app().test_client()
oracle.observe(client.post, "/carts", data={"owner": "ana"})
