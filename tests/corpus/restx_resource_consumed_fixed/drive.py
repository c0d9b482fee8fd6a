import oracle
from orders import create_app

client = create_app().test_client()
response = oracle.observe(client.get, "/api/orders/?status=open")
if response is not None:
    oracle.observe(response.get_data)
oracle.wait_threads()
