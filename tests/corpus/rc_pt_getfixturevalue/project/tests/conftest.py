import pytest

from app import create_app


@pytest.fixture()
def app():
    return create_app({"TESTING": True})


@pytest.fixture()
def app_ctx(app):
    with app.app_context():
        yield app


@pytest.fixture()
def alice(request):
    return invite_alice()


def invite_alice():
    from app.members import invite

    return invite("alice@example.com")
