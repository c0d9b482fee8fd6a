from unittest import mock

from shop import billing


FAKE_APP = mock.MagicMock(config={"PAYMENT_API_KEY": "sk_test"})


@mock.patch("shop.mailer.current_app", FAKE_APP)
def test_charge_headers_use_api_key():
    assert billing.charge_headers() == {"Authorization": "Bearer sk_test"}


@mock.patch.object(billing, "send_receipt", return_value=None)
def test_tax_for_germany(_send):
    assert billing.tax_for("DE", 100) == 19


def test_price_label_uses_session_currency():
    with mock.patch.object(billing, "receipt_sender", return_value="test@shop.example"):
        assert billing.price_label(5) == "5.00 USD"


def test_invoice_number_is_prefixed_by_tenant(monkeypatch):
    monkeypatch.setattr("shop.billing.tax_for", lambda country, amount: 0)
    assert billing.invoice_number(7) == "ACME-0007"


def test_checkout_page(client):
    data = client.get("/checkout/DE/100").get_json()
    assert data == {"total": "119.00 EUR", "invoice": "SHOP-0001"}
