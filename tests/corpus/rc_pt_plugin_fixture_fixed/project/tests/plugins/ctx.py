"""Shared fixtures for the database tests, loaded through pytest_plugins in conftest.py."""

import pytest

from app import create_app


@pytest.fixture()
def app_ctx():
    app = create_app({"TESTING": True})
    with app.app_context():
        yield app
