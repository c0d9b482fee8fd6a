import oracle
from reports import create_app

app = create_app()

# flask --app reports reports rebuild
oracle.cli_result(app.test_cli_runner().invoke(args=["reports", "rebuild"]))

# POST /reports/rebuild
oracle.observe(app.test_client().post, "/reports/rebuild")
