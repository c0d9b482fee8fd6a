from app.prefs import remember_theme, requested_sort, upload_limit_bytes


def test_upload_limit_raised(big_uploads):
    assert upload_limit_bytes() == 50 * 1024 * 1024


def test_theme_is_remembered(flask_app):
    remember_theme("dark")


def test_sort_defaults_to_name(monkeypatch):
    assert requested_sort() == "name"


def test_listing_sorted_by_size(client):
    data = client.get("/files?sort=size").get_json()
    assert data["files"] == ["b.txt", "a.txt"]
