import oracle
from newsletter import create_app

app = create_app()

# flask --app newsletter send-reminders
oracle.cli_result(app.test_cli_runner().invoke(args=["send-reminders"]))

client = app.test_client()
oracle.observe(client.get, "/")
oracle.observe(client.get, "/unsubscribe/ana@example.com")
