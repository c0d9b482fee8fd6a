from catalog import create_app
from catalog.context import app_ctx
from catalog.services import featured_limit, search_terms


def test_featured_limit_is_configurable():
    with app_ctx({"FEATURED_LIMIT": 5}) as app:
        assert app.config["FEATURED_LIMIT"] == 5
    assert featured_limit() == 5


class TestSearchTerms:
    def setup_method(self):
        self.app = create_app({"TESTING": True})

    def make_request(self, path="/"):
        return self.app.test_request_context(path)

    def test_short_terms_are_dropped(self):
        self.make_request("/search?q=a flask tip")
        assert search_terms() == ["flask", "tip"]
