import oracle
from newsletter import create_app

client = create_app().test_client()
oracle.observe(client.post, "/digest", data={"to": ["ana@example.com", "bo@example.com"]})
oracle.observe(client.post, "/retries", data={"ana@example.com": "1", "bo@example.com": "5"})
oracle.wait_threads()

# python scripts/warm_cache.py
oracle.run_script("scripts/warm_cache.py")
