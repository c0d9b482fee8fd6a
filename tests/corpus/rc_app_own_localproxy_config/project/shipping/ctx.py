"""Shortcuts to the running app's settings."""

import flask
from werkzeug.local import LocalProxy

current_settings = LocalProxy(lambda: flask.current_app.config)
