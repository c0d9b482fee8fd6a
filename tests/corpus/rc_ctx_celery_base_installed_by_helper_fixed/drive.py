import oracle

# `celery -A worker.celery worker` imports worker.py (create_app() has run), then runs the tasks;
# the tasks are also called eagerly (task_always_eager) from outside any request.
from worker import app, celery  # noqa: F401
from store.tasks import count_products, low_stock_report

oracle.observe(low_stock_report.delay)
oracle.observe(count_products.delay)
oracle.observe(celery.tasks["store.count_products"].apply, throw=True)

# the web process
client = app.test_client()
oracle.observe(client.post, "/products/MUG/sell", data={"quantity": "1"})
