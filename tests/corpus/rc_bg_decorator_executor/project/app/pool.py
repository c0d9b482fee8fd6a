from concurrent.futures import ThreadPoolExecutor
from functools import wraps

executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="media")


def pooled(f):
    """Run the decorated function on the shared pool; the caller gets a Future."""

    @wraps(f)
    def wrapper(*args, **kwargs):
        return executor.submit(f, *args, **kwargs)

    return wrapper
