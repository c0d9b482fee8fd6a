import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/register", data={"email": "fern@example.com", "username": "fern"})
oracle.wait_threads()
