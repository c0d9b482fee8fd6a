import oracle
from catalog import create_app

# python scripts/warm_cache.py (run from the project root)
oracle.run_script("scripts/warm_cache.py")

client = create_app().test_client()
oracle.observe(client.get, "/products?tag=sale")
oracle.observe(client.get, "/")
