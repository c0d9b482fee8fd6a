import pytest

from app.cart import discount_code


@pytest.fixture(autouse=True)
def _discounts_on(app):
    app.config["DISCOUNTS_ENABLED"] = True


def test_no_code_without_query():
    assert discount_code() is None
