"""Worker entry point: celery -A run_celery.dispatch_celery worker"""

from flask import Flask

from dispatch import create_app, dispatch_celery  # noqa: F401

application = Flask("delivery")
create_app(application)
application.app_context().push()

import dispatch.tasks  # noqa: E402,F401
