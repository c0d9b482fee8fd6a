from flask import session


def test_login_stores_user_in_session(client):
    with client:
        client.post("/login", data={"email": "ann@example.com"})
        assert session["user_id"] == 1


def test_unknown_user_is_rejected(client):
    with client:
        response = client.post("/login", data={"email": "eve@example.com"})
        assert response.status_code == 401
        assert "user_id" not in session


def test_session_survives_between_requests(client):
    client.post("/login", data={"email": "bob@example.com"})
    assert client.get("/me").get_json() == {"user_id": 2}
