import pytest

from app.cart import max_items


@pytest.mark.usefixtures("frozen_clock")
class TestLimits:
    def test_max_items_default(self):
        assert max_items() == 10

    def test_cart_page(self, client):
        assert client.get("/cart").get_json()["max"] == 10
