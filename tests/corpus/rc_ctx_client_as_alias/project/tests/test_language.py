from flask import session


def test_language_is_kept_in_session(app):
    client = app.test_client()
    with client as browser:
        assert browser is client
    browser.get("/language/de")
    assert session["language"] == "de"
