import oracle

# an ops shell imports the helpers module first
oracle.import_module("ops")

# gunicorn wsgi:app imports the module, which builds the app
wsgi = oracle.import_module("wsgi")
if wsgi is not None:
    client = wsgi.app.test_client()
    oracle.observe(client.get, "/admin/orders")
    oracle.observe(client.get, "/admin/orders/export")
