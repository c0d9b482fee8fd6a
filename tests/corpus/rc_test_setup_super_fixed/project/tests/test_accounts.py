from app.billing import open_customer
from tests.base import AppTestCase


class OpenCustomerTest(AppTestCase):
    def setUp(self):
        super().setUp()
        self.customer = open_customer(" Ana@Example.com ")

    def test_email_is_normalised(self):
        self.assertEqual(self.customer.email, "ana@example.com")

    def test_new_customer_has_no_credit(self):
        self.assertEqual(self.customer.credit, 0)
