import oracle
from shipping import create_app

client = create_app().test_client()
oracle.observe(client.get, "/printer")
oracle.observe(client.post, "/orders/print-labels", data={"order": ["1001", "1002"]})
oracle.wait_threads()
