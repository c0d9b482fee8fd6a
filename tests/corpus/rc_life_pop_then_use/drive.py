import oracle
from search import create_app

# python scripts/reindex.py
oracle.run_script("scripts/reindex.py")

client = create_app().test_client()
oracle.observe(client.post, "/admin/reindex")
oracle.observe(client.get, "/search?q=flask")
