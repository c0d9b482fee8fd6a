import pytest

from board import create_app, db


@pytest.fixture(scope="session", autouse=True)
def app():
    app = create_app({"TESTING": True, "POSTS_PER_PAGE": 5})
    with app.app_context():
        db.create_all()
        yield app
