from app import create_app
from app.billing import invoice_number
from tests.base import AppTestCase


class InvoiceNumberTest(AppTestCase):
    def setUp(self):
        self.app = create_app({"TESTING": True, "INVOICE_PREFIX": "TST"})
        self.client = self.app.test_client()

    def test_number_uses_configured_prefix(self):
        self.assertEqual(invoice_number(42), "TST-00042")

    def test_customers_page_is_empty(self):
        self.assertEqual(self.client.get("/customers").get_json(), [])
