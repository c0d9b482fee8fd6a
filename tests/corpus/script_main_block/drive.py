import oracle
from app import create_app

# python scripts/seed_db.py admin@example.com
oracle.run_script("scripts/seed_db.py", ["admin@example.com"])

# the web app itself
client = create_app().test_client()
oracle.observe(client.get, "/users")
