import oracle
from app import create_app

client = create_app().test_client()
oracle.observe(client.post, "/users", json={"email": "ana@example.com"})
oracle.observe(client.get, "/users")
# the WSGI server iterates the body after the view returned
response = oracle.observe(client.get, "/users.csv")
if response is not None:
    oracle.observe(response.get_data)
