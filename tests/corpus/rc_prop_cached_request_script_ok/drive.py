import oracle
from catalog import create_app

client = create_app().test_client()
oracle.observe(client.get, "/products?tag=sale")
oracle.wait_threads()
oracle.observe(client.get, "/stats/tags")
