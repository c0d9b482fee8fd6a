from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["FEATURE_FLAGS"] = {"new_checkout": True, "dark_mode": False}
    app.config["CACHE_KEYS"] = ["home", "pricing", "faq"]
    return app
