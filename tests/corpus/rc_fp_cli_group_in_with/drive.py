import oracle

# python manage.py <command>, one process per command
oracle.run_script("manage.py", ["remind", "--hours", "48"])
oracle.run_script("manage.py", ["cancel", "7"])
oracle.run_script("manage.py", ["whoami"])

# the web app
from clinic import create_app

oracle.observe(create_app().test_client().get, "/appointments")
