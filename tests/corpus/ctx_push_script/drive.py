import oracle
from app import create_app

# python scripts/backfill_slugs.py
oracle.run_script("scripts/backfill_slugs.py")

# the web app
oracle.observe(create_app().test_client().get, "/articles")
