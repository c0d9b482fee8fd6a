import unittest

from app import create_app
from app.accounts import EmailTaken, register


class RegisterTest(unittest.TestCase):
    def setUp(self):
        self.app = create_app({"TESTING": True})
        self.client = self.app.test_client()

    def test_register_rejects_duplicate_email(self):
        register("ana@example.com")
        with self.assertRaises(EmailTaken):
            register(" ANA@example.com ")

    def test_users_page_is_empty(self):
        self.assertEqual(self.client.get("/users").get_json(), [])
