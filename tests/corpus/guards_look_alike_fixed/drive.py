import oracle
from orders import create_app

client = create_app().test_client()
oracle.observe(client.post, "/orders", headers={"X-Request-Id": "r-1"})
oracle.observe(client.post, "/orders/async", headers={"X-Request-Id": "r-2"})
oracle.wait_threads()
