import oracle
from hooks import create_app

client = create_app().test_client()

# a provider posts a well-formed event, then a truncated one
oracle.observe(client.post, "/webhooks/payments", data='{"id": "evt_1", "amount": 1200}', content_type="application/json")
oracle.observe(client.post, "/webhooks/payments", data='{"id": "evt_2", "amou', content_type="application/json")
oracle.wait_threads()
