import oracle
from app import create_app
from app.pool import executor

app = create_app({"TESTING": True})
client = app.test_client()
oracle.observe(client.post, "/photos/7/thumbnails")

executor.shutdown(wait=True)  # what the interpreter does at exit
