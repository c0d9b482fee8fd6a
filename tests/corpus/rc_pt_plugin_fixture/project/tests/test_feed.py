from app.feed import feed_limit, preferred_layout, publish, requested_tag


def test_feed_limit_follows_config(accept_json):
    assert feed_limit() == 20


def test_layout_defaults_to_cards(accept_jsonp):
    assert preferred_layout() == "cards"


def test_no_tag_filter_by_default(accept_any):
    assert requested_tag() is None


def test_publish_strips_title(app_ctx):
    assert publish("  Hello  ").title == "Hello"


def test_feed_page(client):
    assert client.get("/feed?tag=news").get_json()["tag"] == "news"
