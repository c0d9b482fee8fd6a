import oracle
from manage import app

# flask --app manage seed-db --email root@example.com
oracle.cli_result(app.test_cli_runner().invoke(args=["seed-db", "--email", "root@example.com"]))

# the web app
oracle.observe(app.test_client().get, "/users")
