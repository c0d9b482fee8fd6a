from functools import wraps

from flask import abort, current_app, request


def requires(check, status=403):
    """Run `check()` before the view; abort with `status` when it returns False."""

    def deco(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not check():
                abort(status)
            return view(*args, **kwargs)

        return wrapper

    return deco


def api_key_valid():
    keys = current_app.config["API_KEYS"]
    return request.headers.get("X-Api-Key") in keys


def staff_only():
    return request.headers.get("X-Role") == "staff"
