import pytest

from accounts import create_app


@pytest.fixture()
def app():
    return create_app({"TESTING": True})


@pytest.fixture()
def runner(app):
    return app.test_cli_runner()
