from concurrent.futures import ThreadPoolExecutor
from functools import wraps

from flask import copy_current_request_context

executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="media")


def pooled(f):
    """Run the decorated view helper on the shared pool, with a copy of the caller's request context."""

    @wraps(f)
    def wrapper(*args, **kwargs):
        return executor.submit(copy_current_request_context(f), *args, **kwargs)

    return wrapper
