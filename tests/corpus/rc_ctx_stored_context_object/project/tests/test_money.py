import unittest

from ledger import create_app
from ledger.books import money


class MoneyTest(unittest.TestCase):
    def setUp(self):
        self.app = create_app({"TESTING": True, "CURRENCY": "USD"})
        self.ctx = self.app.app_context()

    def test_amount_is_labelled_with_currency(self):
        self.assertEqual(money(12), "12 USD")
