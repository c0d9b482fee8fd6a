import oracle

# import time: the decorators are applied when the blueprint modules are imported
oracle.import_module("portal.reports")
oracle.import_module("portal.admin")

from portal import create_app  # noqa: E402

app = oracle.observe(create_app)
if app is not None:
    client = app.test_client()
    oracle.observe(client.get, "/reports", headers={"X-Api-Key": "k-123"})
    oracle.observe(client.get, "/reports")
    oracle.observe(client.post, "/admin/flush-cache", headers={"X-Role": "staff"})
    oracle.observe(client.post, "/admin/flush-cache")
