import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.get, "/search?q=flask")
oracle.wait_threads()
