import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/accounts/7/password", data={"password": "s3cret!"})
oracle.wait_threads()
