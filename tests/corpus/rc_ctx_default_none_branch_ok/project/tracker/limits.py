from flask import current_app


class RateLimiter:
    """A tiny Flask extension: `limiter = RateLimiter()` now, `limiter.init_app(app)` in the factory."""

    def __init__(self, app=None):
        self.app = app
        self.default_limit = None
        self.hits = {}
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        self.default_limit = current_app.config["RATELIMIT_DEFAULT"]
        app.extensions["rate_limiter"] = self

    def hit(self, key):
        self.hits[key] = self.hits.get(key, 0) + 1
        return self.hits[key] <= self.default_limit
