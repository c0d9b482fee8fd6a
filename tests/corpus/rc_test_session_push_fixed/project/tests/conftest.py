import pytest

from app import create_app


@pytest.fixture(scope="session")
def app():
    app = create_app({"TESTING": True, "INVOICE_PREFIX": "TST"})
    ctx = app.app_context()
    ctx.push()
    return app


@pytest.fixture()
def client(app):
    return app.test_client()
