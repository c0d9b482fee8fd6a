import pytest

from media import create_app


@pytest.fixture()
def app():
    return create_app({"TESTING": True, "THUMB_DIR": "/tmp/thumbs"})
