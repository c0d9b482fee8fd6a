import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/signup", data={"plan": "pro"}, headers={"User-Agent": "demo/1.0"})
oracle.wait_threads()
