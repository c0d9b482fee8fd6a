import logging

from flask import request


class RequestInfoFilter(logging.Filter):
    """Adds the client address to every log record."""

    def filter(self, record):
        record.remote_addr = request.remote_addr
        return True


def configure_logging(app):
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(remote_addr)s %(levelname)s %(message)s"))
    handler.addFilter(RequestInfoFilter())
    app.logger.addHandler(handler)
    app.logger.setLevel(logging.INFO)
