import oracle
from tenancy import create_app

# python manage.py tables
oracle.run_script("manage.py", ["tables"])

# the web app
oracle.observe(create_app().test_client().get, "/tables", headers={"X-Tenant": "acme"})
