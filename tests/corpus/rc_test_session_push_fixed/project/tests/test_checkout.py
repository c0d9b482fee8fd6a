from app.billing import find_customer, invoice_number, open_customer


def test_customers_page_starts_empty(client):
    assert client.get("/customers").get_json() == []


def test_invoice_number_uses_test_prefix(client):
    assert invoice_number(3) == "TST-00003"


def test_new_customer_is_listed(client):
    open_customer("ana@example.com")
    assert client.get("/customers").get_json() == ["ana@example.com"]


def test_lookup_is_case_insensitive(client):
    assert find_customer(" ANA@example.com ").email == "ana@example.com"
