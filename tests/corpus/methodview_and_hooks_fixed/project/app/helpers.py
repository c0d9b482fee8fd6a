from flask import request


def client_label():
    agent = request.headers.get("User-Agent", "unknown")
    return f"{request.remote_addr} ({agent})"
