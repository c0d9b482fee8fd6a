import unittest

from app import create_app
from app.accounts import signup_link, welcome_subject


class AccountsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.app = create_app()
        cls.client = cls.app.test_client()

    def test_pricing_page_links_to_signup(self):
        self.assertEqual(self.client.get("/pricing").get_data(as_text=True), "/signup/pro")

    def test_signup_link_in_request(self):
        with self.app.test_request_context():
            self.assertEqual(signup_link("team"), "/signup/team")

    def test_welcome_subject(self):
        with self.app.app_context():
            self.assertEqual(welcome_subject("Ana"), "Welcome to Ledgerly, Ana")

    def test_signup_link_for_free_plan(self):
        self.assertEqual(signup_link("free"), "/signup/free")
