from flask import Flask, request

from saas.tenancy import load_tenant


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(config or {})

    @app.before_request
    def select_tenant():
        load_tenant(request.headers.get("X-Tenant", "acme"))

    from saas.views import bp

    app.register_blueprint(bp)
    return app
