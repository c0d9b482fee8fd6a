import oracle
from store import create_app

app = create_app()

# flask --app store export-prices
oracle.cli_result(app.test_cli_runner().invoke(args=["export-prices"]))

client = app.test_client()
oracle.observe(client.get, "/price/mug")  # a visitor
oracle.observe(client.post, "/login", data={"user_id": "7", "tier": "gold"})
oracle.observe(client.get, "/price/mug")  # the same browser, now signed in
