import oracle
from notes import create_app

# python scripts/prune_notes.py
oracle.run_script("scripts/prune_notes.py")

# the web app
oracle.observe(create_app().test_client().get, "/notes")
