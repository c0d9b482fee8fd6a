import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/articles", data={"title": "Flask contexts explained"})
oracle.wait_threads()
