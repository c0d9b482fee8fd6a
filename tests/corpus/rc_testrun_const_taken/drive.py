import base64

import oracle

# python -m pytest tests
oracle.run_pytest(["tests"])

from gatekeeper import create_app  # noqa: E402

# the web app
client = create_app().test_client()
good = base64.b64encode(b"member:alice").decode()
oracle.observe(client.post, "/session", headers={"X-Token": good, "X-Forwarded-For": "203.0.113.9"})
oracle.observe(client.post, "/session", headers={"X-Token": "%%%not-base64%%%"})
oracle.observe(client.post, "/session", headers={"X-Token": base64.b64encode(b"guest").decode()})
