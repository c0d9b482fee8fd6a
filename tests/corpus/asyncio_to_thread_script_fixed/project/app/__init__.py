from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["FEATURE_FLAGS"] = {"beta": True}
    return app
