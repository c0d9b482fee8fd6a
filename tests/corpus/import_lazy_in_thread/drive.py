import oracle
from reports import create_app


def post_accepted(client, url):
    response = client.post(url)
    assert response.status_code == 202, (url, response.status_code)
    return response


app = create_app()
client = app.test_client()
oracle.observe(post_accepted, client, "/reports/7/export")
oracle.wait_threads()
