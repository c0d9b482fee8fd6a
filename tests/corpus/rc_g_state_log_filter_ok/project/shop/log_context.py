import logging

from flask import g, request


def client_label():
    """Who a log line is about: the signed-in user, the client address, or the server itself."""
    if not g or not hasattr(g, "user"):
        return "SERVER"
    if g.user:
        return g.user
    return ClientFilter.remote_address()


class ClientFilter(logging.Filter):
    def filter(self, record):
        record.client = client_label()
        return True

    @staticmethod
    def remote_address():
        return request.remote_addr or "unknown"
