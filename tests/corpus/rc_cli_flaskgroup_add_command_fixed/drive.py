import oracle
from plans import create_app

# python manage.py seed-plans / python manage.py currency
oracle.run_script("manage.py", ["seed-plans"])
oracle.run_script("manage.py", ["currency"])

# the web app
oracle.observe(create_app().test_client().get, "/plans")
