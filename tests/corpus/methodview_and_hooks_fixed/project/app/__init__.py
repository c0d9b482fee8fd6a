from flask import Flask, g, jsonify, request

from app.api import ItemAPI
from app.helpers import client_label


def create_app():
    app = Flask(__name__)
    app.config.update(TESTING=True, SECRET_KEY="dev")

    @app.before_request
    def load_user():
        g.user = request.headers.get("X-User", "guest")

    @app.context_processor
    def inject_nav():
        return {"nav_path": request.path, "client": client_label()}

    @app.errorhandler(404)
    def not_found(error):
        return jsonify(error="not found", path=request.path, client=client_label()), 404

    app.add_url_rule("/items/<int:item_id>", view_func=ItemAPI.as_view("item"))
    app.add_url_rule("/items", view_func=ItemAPI.as_view("items"), methods=["POST"])

    from app.pages import bp

    app.register_blueprint(bp)
    return app
