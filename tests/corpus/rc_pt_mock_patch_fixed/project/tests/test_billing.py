from unittest import mock

from shop import billing


FAKE_APP = mock.MagicMock(config={"PAYMENT_API_KEY": "sk_test"})


@mock.patch("shop.billing.current_app", FAKE_APP)
def test_charge_headers_use_api_key():
    assert billing.charge_headers() == {"Authorization": "Bearer sk_test"}


@mock.patch.object(billing, "rates_for", return_value={"DE": 0.19})
def test_tax_for_germany(_rates):
    assert billing.tax_for("DE", 100) == 19


def test_price_label_uses_session_currency():
    with mock.patch.object(billing, "currency", return_value="USD"):
        assert billing.price_label(5) == "5.00 USD"


def test_invoice_number_is_prefixed_by_tenant(monkeypatch):
    monkeypatch.setattr("shop.billing.tenant", lambda: "acme")
    assert billing.invoice_number(7) == "ACME-0007"


def test_checkout_page(client):
    data = client.get("/checkout/DE/100").get_json()
    assert data == {"total": "119.00 EUR", "invoice": "SHOP-0001"}
