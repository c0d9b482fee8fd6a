import pytest
from flask import current_app

from ledger import create_app
from ledger.pricing import format_amount, with_vat


@pytest.fixture
def app_ctx():
    app = create_app({"TESTING": True, "CURRENCY": "GBP"})
    with app.app_context():
        yield app


@pytest.fixture
def price_tag():
    settings = current_app.config
    return lambda cents: format_amount(with_vat(cents, settings["VAT_RATE"]), settings["CURRENCY"])
