import oracle
from app import create_app

app = create_app()
oracle.wait_threads()  # the cache warmer logs at startup, before traffic arrives
client = app.test_client()
oracle.observe(client.get, "/pricing")
