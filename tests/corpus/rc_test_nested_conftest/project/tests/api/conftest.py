import pytest


@pytest.fixture(autouse=True)
def app_ctx(app):
    with app.app_context():
        yield


@pytest.fixture()
def customer():
    from app.billing import open_customer

    return open_customer("ana@example.com")
