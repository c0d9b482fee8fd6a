import oracle
from blog import create_app

# python scripts/preview_links.py
oracle.run_script("scripts/preview_links.py")

# the web app
oracle.observe(create_app().test_client().get, "/archive/?page=2")
