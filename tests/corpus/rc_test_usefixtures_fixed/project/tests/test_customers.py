import pytest

from app.billing import find_customer, open_customer

pytestmark = pytest.mark.usefixtures("app_ctx")


def test_open_customer_normalises_email():
    assert open_customer(" Ana@Example.com ").email == "ana@example.com"


def test_unknown_email_is_not_found():
    assert find_customer("nobody@example.com") is None
