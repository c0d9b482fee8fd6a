import oracle
from catalog import create_app

# python scripts/rebuild_cache.py   (starts the warm-up thread too)
oracle.run_script("scripts/rebuild_cache.py")
oracle.wait_threads()

# python -m pytest tests
oracle.run_pytest(["tests"])

# the web app
oracle.observe(create_app().test_client().get, "/search?q=flask contexts")
