import oracle
from blog import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/digest", data={"to": ["ana@example.com", "ben@example.com"]})
oracle.wait_threads()
