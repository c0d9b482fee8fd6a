import oracle
from shop import create_app

client = create_app().test_client()
# the WSGI server iterates the body after the view returned
response = oracle.observe(client.get, "/export/orders.csv?status=paid")
if response is not None:
    oracle.observe(response.get_data)
