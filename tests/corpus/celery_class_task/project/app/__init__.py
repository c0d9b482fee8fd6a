from flask import Flask, jsonify

UPLOADS = {}


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(UPLOAD_MAX_AGE_DAYS=30)

    @app.get("/uploads")
    def list_uploads():
        return jsonify(sorted(UPLOADS))

    return app
