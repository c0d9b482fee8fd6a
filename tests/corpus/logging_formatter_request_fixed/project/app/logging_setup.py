import logging

from flask import request, has_request_context


class RequestFormatter(logging.Formatter):
    """Adds the requested URL and the client address to every line."""

    def format(self, record):
        record.url = (request.url if has_request_context() else None)
        record.remote_addr = (request.remote_addr if has_request_context() else None)
        return super().format(record)


def configure_logging(app):
    handler = logging.StreamHandler()
    handler.setFormatter(RequestFormatter("%(asctime)s %(remote_addr)s %(url)s %(levelname)s %(message)s"))
    app.logger.addHandler(handler)
    app.logger.setLevel(logging.INFO)
