import threading
from functools import wraps


def background(f):
    """Run the decorated function in a thread and return at once."""

    @wraps(f)
    def wrapper(*args, **kwargs):
        threading.Thread(target=f, args=args, kwargs=kwargs).start()

    return wrapper
