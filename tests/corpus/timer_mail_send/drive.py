import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/signup", data={"email": "ada@example.com"})
oracle.wait_threads()
