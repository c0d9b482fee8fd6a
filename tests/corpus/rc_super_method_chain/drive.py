import oracle
from exports import create_app

client = create_app().test_client()
oracle.observe(client.post, "/exports")
oracle.wait_threads()
