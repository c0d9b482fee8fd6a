import oracle

wsgi = oracle.import_module("wsgi")
if wsgi is not None:
    client = wsgi.app.test_client()
    oracle.observe(client.get, "/api/notes")
    oracle.observe(client.get, "/api/notes?page=3")
