from app.helpers import current_page, page_url


def test_current_page_defaults_to_first():
    assert current_page() == 1


def test_page_url_carries_the_page():
    assert page_url(2) == "/articles?page=2"


def test_articles_lists_first_page(client):
    data = client.get("/articles").get_json()
    assert data["items"][0] == "article 1"
    assert data["next"] == "/articles?page=2"
