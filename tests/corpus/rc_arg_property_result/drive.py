import oracle
from crew import create_app
from crew.invites import SENT

app = create_app()

# the web app: sign in, then invite a colleague
client = app.test_client()
oracle.observe(client.post, "/login", data={"user_id": "1"})
oracle.observe(client.post, "/invites", data={"email": "sam@example.com"})

# flask --app crew invite kim@example.com
oracle.cli_result(app.test_cli_runner().invoke(args=["invite", "kim@example.com"]))
