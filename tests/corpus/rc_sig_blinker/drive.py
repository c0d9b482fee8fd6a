import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/orders", data={"email": "ana@example.com", "total_cents": "3100"})
oracle.wait_threads()
oracle.observe(client.post, "/orders/1/refund")

# python scripts/refund_order.py 1 3100
oracle.run_script("scripts/refund_order.py", ["1", "3100"])
