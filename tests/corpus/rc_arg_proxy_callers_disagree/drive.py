import oracle

# python -m pytest tests
oracle.run_pytest(["tests"])

from tenants import create_app  # noqa: E402

# the web app
client = create_app().test_client()
oracle.observe(client.post, "/acme/members", data={"email": "lee@acme.test"})
oracle.observe(client.post, "/acme/members", data={"email": "eve@elsewhere.test"})
