from datetime import timedelta

import pytest
from flask import current_app

from lending import create_app


@pytest.fixture
def app():
    return create_app({"TESTING": True, "LOAN_DAYS": 7})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def loan_period():
    return timedelta(days=current_app.config["LOAN_DAYS"])
