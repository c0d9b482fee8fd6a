import pytest

from kiosk import create_app


@pytest.fixture
def app():
    return create_app()
