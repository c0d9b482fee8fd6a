import oracle
from crew import create_app
from crew.invites import SENT

app = create_app()

# the web app: sign in, then invite a colleague
client = app.test_client()
oracle.observe(client.post, "/login", data={"user_id": "1"})
oracle.observe(client.post, "/invites", data={"email": "sam@example.com"})

# flask --app crew invite 2 kim@example.com
result = oracle.cli_result(app.test_cli_runner().invoke(args=["invite", "2", "kim@example.com"]))
assert len(SENT) == 2, (SENT, result.output)
