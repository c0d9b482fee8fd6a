import oracle
from board import create_app

# the web app fills the cache
client = create_app().test_client()
oracle.observe(client.get, "/scoreboard")

# python scripts/reset_scores.py
oracle.run_script("scripts/reset_scores.py")
