import oracle


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


# gunicorn wsgi:app: importing the entry module builds the app
wsgi = oracle.import_module("wsgi")
if wsgi is not None:
    client = wsgi.app.test_client()
    oracle.observe(get_ok, client, "/products")
    oracle.observe(get_ok, client, "/products?page=2")
