import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/sales", data={"amount_cents": "1999"})
oracle.observe(client.post, "/reports", data={"to": ["ceo@example.com", "cfo@example.com"]})
oracle.wait_threads()
oracle.observe(client.get, "/reports/dashboard")
