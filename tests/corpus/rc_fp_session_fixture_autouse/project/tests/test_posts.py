from board.posts import create_post, latest_titles, page_size


def test_title_is_stripped():
    assert create_post("  Welcome  ").title == "Welcome"


def test_page_size_comes_from_config():
    assert page_size() == 5


def test_latest_titles_newest_first():
    assert latest_titles()[:1] == ["Welcome"]


def test_feed_endpoint(app):
    response = app.test_client().get("/posts")
    assert response.status_code == 200 and isinstance(response.get_json(), list)
