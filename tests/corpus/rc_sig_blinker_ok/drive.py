import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/orders", data={"email": "ana@example.com", "total_cents": "3100", "product_id": "7"})
oracle.wait_threads()
oracle.observe(client.post, "/orders/1/refund")

from app.receivers import stock_cache  # noqa: E402

if stock_cache != {7: 9}:
    oracle.record(AssertionError(f"the stock_changed receiver did not run: {stock_cache}"))
