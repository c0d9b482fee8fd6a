from concurrent.futures import ThreadPoolExecutor
from functools import wraps

from flask import current_app

executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="media")


def pooled(f):
    """Run the decorated function on the shared pool, inside the caller's app; the caller gets a Future."""

    @wraps(f)
    def wrapper(*args, **kwargs):
        app = current_app._get_current_object()

        def run():
            with app.app_context():
                return f(*args, **kwargs)

        return executor.submit(run)

    return wrapper
