import oracle
from vault import create_app

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/files/report.pdf", data=b"%PDF", headers={"X-Tenant": "acme", "X-Region": "us"})
oracle.observe(client.post, "/files/notes.txt", data=b"hello")
oracle.wait_threads()  # the janitor's sweeps
