import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.get, "/landing/spring-sale")
oracle.observe(client.post, "/signup", data={"user_id": "42"})
oracle.wait_threads()
oracle.observe(client.get, "/users/42")
