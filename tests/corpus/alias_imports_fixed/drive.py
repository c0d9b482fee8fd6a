import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/billing/accounts/7/sync")
oracle.wait_threads()
