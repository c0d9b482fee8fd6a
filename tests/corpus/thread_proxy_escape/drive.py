import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/admin/search/rebuild")
oracle.wait_threads()
