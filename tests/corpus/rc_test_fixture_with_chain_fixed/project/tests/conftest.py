import pytest

from app import create_app, db


class ApiClient:
    """Thin JSON helper around the Flask test client."""

    def __init__(self, client):
        self.client = client

    def get_json(self, url):
        response = self.client.get(url)
        assert response.status_code == 200
        return response.get_json()


@pytest.fixture(scope="session")
def app():
    app = create_app({"TESTING": True, "INVOICE_PREFIX": "API"})
    with app.app_context():
        yield app
        db.drop_all()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def api(client):
    return ApiClient(client)
