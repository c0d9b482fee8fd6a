from flask import Flask, g, request


def create_app():
    app = Flask(__name__)
    app.config["TENANT_HEADER"] = "X-Tenant"

    @app.before_request
    def pick_tenant():
        g.tenant_schema = request.headers.get(app.config["TENANT_HEADER"], "public")

    from tenancy.views import bp

    app.register_blueprint(bp)
    return app
