from flask import Flask

from notes.db import close_connection, log_request_queries


def create_app():
    app = Flask(__name__)
    app.config["NOTES_KEEP"] = 2
    app.teardown_request(log_request_queries)
    app.teardown_appcontext(close_connection)

    from notes.views import bp

    app.register_blueprint(bp)
    return app
