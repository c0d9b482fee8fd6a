from app.members import acting_user, invite


def test_invite_normalises_email(request):
    request.getfixturevalue("app_ctx")
    assert invite("  Bob@Example.com ").email == "bob@example.com"


def test_acting_user_defaults_to_system(request):
    request.getfixturevalue("app_ctx")
    assert acting_user() == "system"


def test_alice_is_invited_by_system(alice):
    assert alice.invited_by == "system"


def test_members_endpoint(app):
    response = app.test_client().post("/members", json={"email": "carol@example.com"})
    assert response.status_code == 201
