import pytest

from app.cart import cart_size

pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_cart_starts_empty():
    assert cart_size() == 0
