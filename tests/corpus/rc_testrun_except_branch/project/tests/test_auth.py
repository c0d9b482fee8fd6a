import base64

from gatekeeper.auth import describe_origin, verify_token


def test_member_token_is_accepted():
    token = base64.b64encode(b"member:alice").decode()
    assert verify_token(token) is True


def test_origin_is_described_from_forwarded_address():
    assert describe_origin(source="198.51.100.4") == "origin 198.51.100.4"
