from ledger.pricing import format_amount, with_vat


def test_vat_is_added():
    assert with_vat(1000, 20) == 1200


def test_amount_is_formatted():
    assert format_amount(1234, "EUR") == "12.34 EUR"


def test_price_tag_uses_test_currency(price_tag, app_ctx):
    assert price_tag(1000) == "12.00 GBP"


def test_price_endpoint(app_ctx):
    assert app_ctx.test_client().get("/price/1000").get_json() == {"gross": "12.00 GBP"}
