from app.services import find_user_by_email


def test_unknown_email_is_not_found(app):
    assert find_user_by_email("nobody@example.com") is None


def test_users_page_starts_empty(client):
    assert client.get("/users").get_json() == []
