import pytest

from app import create_app


@pytest.fixture(autouse=True)
def _no_real_mail(monkeypatch):
    monkeypatch.setenv("MAIL_SUPPRESS_SEND", "1")


@pytest.fixture()
def app():
    return create_app({"TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()
