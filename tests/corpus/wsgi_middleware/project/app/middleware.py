from flask import current_app


class MaintenanceMiddleware:
    """Answers 503 for every request while MAINTENANCE_MODE is on."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        if current_app.config["MAINTENANCE_MODE"]:
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"Down for maintenance, back soon.\n"]
        return self.wsgi_app(environ, start_response)
