import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/alerts", json={"event": "disk 95% full on db-1"})
oracle.wait_threads()
