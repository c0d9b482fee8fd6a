import pytest

from shop import create_app, db
from shop.models import User


@pytest.fixture
def app():
    return create_app({"TESTING": True, "WELCOME_CREDIT": 250})


@pytest.fixture
def app_ctx(app):
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        db.drop_all()


@pytest.fixture
def seeded_user():
    user = User(email="ada@example.com")
    db.session.add(user)
    db.session.commit()
    return user
