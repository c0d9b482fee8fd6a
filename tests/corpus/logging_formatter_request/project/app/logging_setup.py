import logging

from flask import request


class RequestFormatter(logging.Formatter):
    """Adds the requested URL and the client address to every line."""

    def format(self, record):
        record.url = request.url
        record.remote_addr = request.remote_addr
        return super().format(record)


def configure_logging(app):
    handler = logging.StreamHandler()
    handler.setFormatter(RequestFormatter("%(asctime)s %(remote_addr)s %(url)s %(levelname)s %(message)s"))
    app.logger.addHandler(handler)
    app.logger.setLevel(logging.INFO)
