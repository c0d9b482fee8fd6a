import oracle
from reports import create_app

client = create_app().test_client()
# the WSGI server iterates the body after the view returned
response = oracle.observe(client.get, "/orders")
if response is not None:
    oracle.observe(response.get_data)
