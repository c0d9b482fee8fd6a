import oracle
from billing import create_app

client = create_app().test_client()
invoice = {"number": 1042, "customer": "Acme", "lines": [["hosting", "19.90", 3]]}
oracle.observe(client.post, "/invoices/", json=invoice)
oracle.wait_threads()
