import pytest
from flask import current_app

from helpdesk import create_app, db


@pytest.fixture
def app():
    return create_app({"TESTING": True, "SLA_HOURS": 24})


@pytest.fixture
def app_ctx(app):
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        db.drop_all()


@pytest.fixture
def sla_hours():
    return current_app.config["SLA_HOURS"]
