import pytest
from flask import current_app

from orders import create_app, db
from orders.models import Order


class RecordingBackend:
    def __init__(self):
        self.sent = []

    def send(self, message):
        self.sent.append(message)


@pytest.fixture
def app():
    app = create_app({"TESTING": True})
    with app.app_context():
        db.create_all()
        yield app
        db.drop_all()


@pytest.fixture
def db_session(app):
    yield db.session
    db.session.rollback()


@pytest.fixture
def sample_order(db_session):
    order = Order(reference="A-100", email="ada@example.com", total_cents=2599)
    db_session.add(order)
    db_session.commit()
    return order


@pytest.fixture
def mail_outbox():
    backend = RecordingBackend()
    current_app.extensions["mail_backend"] = backend
    return backend.sent
