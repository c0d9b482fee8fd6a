import pytest

from app import create_app

pytest_plugins = ["tests.plugins.ctx"]


@pytest.fixture()
def app():
    return create_app({"TESTING": True})
