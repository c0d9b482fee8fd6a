import logging

from flask import g, request


def client_label():
    """Who a log line is about: the signed-in user, else the client address, or the server itself."""
    if not g:
        return "SERVER"
    return getattr(g, "user", None) or request.remote_addr


class ClientFilter(logging.Filter):
    def filter(self, record):
        record.client = client_label()
        return True
