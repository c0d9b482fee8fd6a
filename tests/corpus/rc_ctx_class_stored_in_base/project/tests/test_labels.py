from shelf.labels import genre_label
from tests.base import ShelfTestCase


class TestLabels(ShelfTestCase):
    def test_unknown_code(self):
        with self.app_context:
            pass
        self.assertEqual(genre_label("zz"), "???")
