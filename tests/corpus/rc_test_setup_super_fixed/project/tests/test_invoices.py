from app.billing import invoice_number
from tests.base import AppTestCase


class InvoiceNumberTest(AppTestCase):
    def setUp(self):
        super().setUp()
        self.app.config["INVOICE_PREFIX"] = "TST"

    def test_number_uses_configured_prefix(self):
        self.assertEqual(invoice_number(42), "TST-00042")

    def test_customers_page_is_empty(self):
        self.assertEqual(self.client.get("/customers").get_json(), [])
