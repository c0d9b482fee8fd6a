import pytest

from app import create_app


@pytest.fixture()
def app():
    return create_app({"TESTING": True})


@pytest.fixture()
def big_uploads(app):
    app.config["MAX_UPLOAD_MB"] = 50
    return app.config
