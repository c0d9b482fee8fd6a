import oracle
from billing import create_app

app = create_app({"TESTING": True})
client = app.test_client()
oracle.observe(client.post, "/invoices", data={"customer": "Acme", "amount_cents": "12000"})
oracle.observe(client.post, "/invoices", data={"customer": "Globex", "amount_cents": "4500"})
oracle.observe(client.get, "/invoices/batch?id=1&id=2&currency=USD")
