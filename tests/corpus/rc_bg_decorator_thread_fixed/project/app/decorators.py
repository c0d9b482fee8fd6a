import threading
from functools import wraps

from flask import current_app


def background(f):
    """Run the decorated function in a thread, inside the caller's app, and return at once."""

    @wraps(f)
    def wrapper(*args, **kwargs):
        app = current_app._get_current_object()

        def run():
            with app.app_context():
                f(*args, **kwargs)

        threading.Thread(target=run).start()

    return wrapper
