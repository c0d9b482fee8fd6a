import pytest

from app.cart import discount_code


@pytest.fixture(autouse=True)
def _discounts_on(monkeypatch):
    monkeypatch.setenv("DISCOUNTS_ENABLED", "1")


def test_no_code_without_query():
    assert discount_code() is None
