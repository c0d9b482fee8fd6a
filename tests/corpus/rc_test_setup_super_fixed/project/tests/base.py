import unittest

from app import create_app


class AppTestCase(unittest.TestCase):
    """A fresh app per test, with its application context pushed for the test's duration."""

    config = {"TESTING": True}

    def setUp(self):
        self.app = create_app(self.config)
        self.client = self.app.test_client()
        ctx = self.app.app_context()
        ctx.push()
        self.addCleanup(ctx.pop)


class SharedAppTestCase(unittest.TestCase):
    """One app and one application context for the whole class (read-mostly tests)."""

    @classmethod
    def setUpClass(cls):
        cls.app = create_app({"TESTING": True})
        cls.client = cls.app.test_client()
        ctx = cls.app.app_context()
        ctx.push()
        cls.addClassCleanup(ctx.pop)
