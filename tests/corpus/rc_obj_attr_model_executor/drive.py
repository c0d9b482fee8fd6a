import oracle
from app import create_app

app = create_app({"TESTING": True})
client = app.test_client()
oracle.observe(client.post, "/users", data={"email": "ada@example.com", "name": "Ada"})
oracle.observe(client.get, "/export/users.csv")
