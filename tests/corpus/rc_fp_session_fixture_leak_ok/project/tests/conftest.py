import pytest

from notify import create_app, db
from notify.models import Service


@pytest.fixture(scope="session")
def notify_api():
    app = create_app({"TESTING": True})
    ctx = app.app_context()
    ctx.push()

    yield app

    ctx.pop()


@pytest.fixture(scope="session")
def notify_db(notify_api):
    db.create_all()
    yield db
    db.drop_all()


@pytest.fixture
def notify_db_session(notify_db):
    yield notify_db
    notify_db.session.rollback()
    for table in reversed(notify_db.metadata.sorted_tables):
        notify_db.session.execute(table.delete())
    notify_db.session.commit()


@pytest.fixture
def sample_service(notify_db_session):
    service = Service(name="Sample service")
    notify_db_session.session.add(service)
    notify_db_session.session.commit()
    return service


@pytest.fixture
def client(notify_api):
    with notify_api.test_client() as client:
        yield client
