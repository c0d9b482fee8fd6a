import contextlib

from catalog import create_app


@contextlib.contextmanager
def app_ctx(config=None):
    """Build the app and keep its application context pushed for the with block."""
    app = create_app(config)
    with app.app_context():
        yield app
