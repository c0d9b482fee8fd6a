import flask
from flask import session


def test_login_remembers_member(client):
    with client:
        client.post("/login", data={"name": "ann"})
        assert session["role"] == "editor"


def test_old_home_redirects_to_dashboard(client):
    with client:
        client.get("/home", follow_redirects=True)
        assert flask.request.path == "/dashboard"


def test_unknown_member_is_rejected(client):
    response = client.post("/login", data={"name": "eve"})
    assert response.status_code == 401


def test_dashboard_tab_comes_from_query(app):
    with app.test_client() as member:
        member.get("/dashboard?tab=drafts")
        assert flask.request.args["tab"] == "drafts"
