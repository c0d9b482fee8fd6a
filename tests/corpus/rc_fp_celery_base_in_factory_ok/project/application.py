"""Web entry point: gunicorn application:application"""

from flask import Flask

from dispatch import create_app

application = Flask("dispatch_api")
create_app(application)
