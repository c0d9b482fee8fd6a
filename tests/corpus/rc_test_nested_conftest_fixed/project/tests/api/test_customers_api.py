from app.billing import invoice_number


def test_customer_is_listed(client, customer):
    assert client.get("/customers").get_json() == [customer.email]


def test_invoice_numbers_are_padded():
    assert invoice_number(5) == "INV-00005"
