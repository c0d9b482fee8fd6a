from app.billing import acting_user, invoice_number, open_customer


def test_customers_endpoint_starts_empty(api):
    assert api.get_json("/customers") == []


def test_invoice_number_uses_api_prefix(api):
    assert invoice_number(12) == "API-00012"


def test_opened_customer_is_listed(api):
    open_customer("bob@example.com")
    assert api.get_json("/customers") == ["bob@example.com"]


def test_changes_are_attributed_to_system(api):
    assert acting_user() == "system"
