import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/accounts", data={"email": "bob@example.com"})
oracle.wait_threads()
