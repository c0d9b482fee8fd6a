from app import create_app
from app.billing import acting_user, find_customer
from tests.base import SharedAppTestCase


class CustomerLookupTest(SharedAppTestCase):
    @classmethod
    def setUpClass(cls):
        cls.app = create_app({"TESTING": True, "INVOICE_PREFIX": "LKP"})

    def test_unknown_email_is_not_found(self):
        self.assertIsNone(find_customer("nobody@example.com"))

    def test_changes_are_attributed_to_system(self):
        self.assertEqual(acting_user(), "system")
