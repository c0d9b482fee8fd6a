import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/members", data={"email": "kim@example.com", "name": "Kim"})
oracle.wait_threads()
