import oracle
from inventory import create_app

client = create_app().test_client()
oracle.observe(client.get, "/api/stock/")
# the WSGI server iterates the body after the resource method returned
response = oracle.observe(client.get, "/api/stock/export.csv?warehouse=north")
if response is not None:
    oracle.observe(response.get_data)
