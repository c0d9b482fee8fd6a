import unittest

from shelf import create_app


class ShelfTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        app = create_app()
        app.config["TESTING"] = True
        cls.app_context = app.app_context()
        with cls.app_context:
            cls.client = app.test_client()
