import pytest

from pki import create_app
from pki import db as _db


@pytest.fixture(scope="session")
def app():
    """One application for the whole test run."""
    _app = create_app({"TESTING": True})
    ctx = _app.app_context()
    ctx.push()

    yield _app

    ctx.pop()


@pytest.fixture(scope="session")
def db(app):
    _db.create_all()
    yield _db
    _db.drop_all()


@pytest.fixture
def session(db):
    yield db.session
    db.session.rollback()


@pytest.fixture
def client(app):
    return app.test_client()
