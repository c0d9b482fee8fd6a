import base64

from flask import current_app, request


def is_valid(decoded):
    prefix = current_app.config["TOKEN_PREFIX"]
    return decoded.startswith(prefix) and len(decoded) > len(prefix)


def verify_token(token):
    try:
        decoded = base64.b64decode(token, validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        current_app.logger.info("bad token from %s", request.remote_addr)
        return False
    if not is_valid(decoded):
        current_app.logger.info("invalid token from %s", request.remote_addr)
        return False
    return True


def describe_origin(source=None):
    if source is None:
        source = request.remote_addr
    return f"origin {source}"
