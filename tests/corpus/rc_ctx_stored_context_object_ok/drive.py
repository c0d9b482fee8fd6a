import oracle
from ledger import create_app

# cron: python scripts/nightly.py ; python scripts/export.py 2024-05-31 ; python scripts/preview.py
oracle.run_script("scripts/nightly.py")
oracle.run_script("scripts/export.py", ["2024-05-31"])
oracle.run_script("scripts/preview.py")
oracle.wait_threads()

# the web app
oracle.observe(create_app().test_client().get, "/entries?day=2024-06-01")

# python -m pytest tests
oracle.run_pytest(["tests"])
