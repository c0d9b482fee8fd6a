import pytest

from tenants import create_app


@pytest.fixture
def app():
    return create_app({"TESTING": True})


@pytest.fixture(autouse=True)
def app_ctx(app):
    with app.app_context():
        yield
