import oracle

# gunicorn wsgi:app
wsgi = oracle.import_module("wsgi")
if wsgi is not None:
    client = wsgi.app.test_client()
    for _ in range(4):
        oracle.observe(client.post, "/events")
