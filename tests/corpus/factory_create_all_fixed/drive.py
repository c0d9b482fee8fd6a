import oracle

# gunicorn wsgi:app
wsgi = oracle.import_module("wsgi")
if wsgi is not None:
    client = wsgi.app.test_client()
    oracle.observe(client.post, "/posts", json={"title": "Hello", "body": "First post"})
    oracle.observe(client.get, "/posts")
