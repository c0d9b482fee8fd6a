import base64

from gatekeeper.auth import describe_origin, verify_token


def test_member_token_is_accepted():
    token = base64.b64encode(b"member:alice").decode()
    assert verify_token(token) is True


def test_origin_defaults_to_client_address():
    assert describe_origin(source=None).startswith("origin ")
