import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.get, "/")
# flush_metrics runs at interpreter exit: the runner calls the atexit callbacks after this driver.
