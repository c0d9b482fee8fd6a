import uuid

import flask


def create_app():
    app = flask.Flask(__name__)
    app.config.update(BILLING_GATEWAY="https://pay.example.com/v2", AUDIT_SINK="syslog://audit")

    @app.before_request
    def tag_request():
        flask.g.request_id = uuid.uuid4().hex[:8]

    from app import views

    app.register_blueprint(views.bp)
    return app
