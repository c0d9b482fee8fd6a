import oracle
from app import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/members", data={"email": "kim@example.com", "name": "Kim"})
app.config["WELCOME_DRY_RUN"] = True
oracle.observe(client.post, "/members", data={"email": "lee@example.com", "name": "Lee"})
oracle.wait_threads()
