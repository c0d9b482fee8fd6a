import pytest

from app import create_app


@pytest.fixture()
def app():
    return create_app({"TESTING": True})


@pytest.fixture()
def frozen_clock(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
