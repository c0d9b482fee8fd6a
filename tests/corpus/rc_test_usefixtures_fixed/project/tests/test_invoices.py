from app.billing import invoice_number
from tests.base import BillingTests


class TestInvoiceNumbers(BillingTests):
    def test_number_is_zero_padded(self):
        assert invoice_number(7) == f"{self.prefix}-00007"

    def test_customers_page_is_empty(self, client):
        assert client.get("/customers").get_json() == []
