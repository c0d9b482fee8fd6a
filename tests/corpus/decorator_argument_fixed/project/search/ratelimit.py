import time
from functools import wraps

from flask import abort, current_app, request

_hits = {}


def rate_limited(limit_key, per=60):
    """Allow at most `app.config[limit_key]` calls of the view per client and `per` seconds."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            limit = current_app.config[limit_key]
            key = (request.remote_addr, view.__name__)
            now = time.monotonic()
            recent = [t for t in _hits.get(key, []) if now - t < per]
            if len(recent) >= limit:
                abort(429)
            _hits[key] = [*recent, now]
            return view(*args, **kwargs)

        return wrapped

    return decorator
