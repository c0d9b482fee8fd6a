import oracle
from shop import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/orders", data={"total_cents": "1999"})
oracle.observe(client.post, "/orders", data={"status": "paid", "total_cents": "4500"})
oracle.observe(client.post, "/housekeeping/purge")
oracle.wait_threads()
oracle.observe(client.post, "/housekeeping/count")
oracle.wait_threads()
