import pytest

from app import create_app


@pytest.fixture()
def app():
    return create_app({"TESTING": True})


@pytest.fixture()
def big_uploads():
    return create_app({"TESTING": True, "MAX_UPLOAD_MB": 50}).config


@pytest.fixture()
def flask_app():
    return create_app({"TESTING": True})
