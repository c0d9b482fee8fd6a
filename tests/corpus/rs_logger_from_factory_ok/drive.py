import oracle
from shop import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/search/reindex", data={"product": ["1", "2", "3"]})
oracle.wait_threads()
