import oracle
from app import app

client = app.test_client()
oracle.observe(client.post, "/password/forgot", data={"email": "ada@example.com"})
oracle.wait_threads()
