from functools import wraps

from flask import abort, current_app, request


def requires(check, status=403):
    """Evaluate `check()` once; the view aborts with `status` when it returned False."""

    def deco(view):
        allowed = check()

        @wraps(view)
        def wrapper(*args, **kwargs):
            if not allowed:
                abort(status)
            return view(*args, **kwargs)

        return wrapper

    return deco


def api_key_valid():
    keys = current_app.config["API_KEYS"]
    return request.headers.get("X-Api-Key") in keys


def staff_only():
    return request.headers.get("X-Role") == "staff"
