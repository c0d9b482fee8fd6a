from flask import Flask, session


def create_app():
    app = Flask(__name__)
    app.secret_key = "kiosk-dev"

    @app.get("/language/<code>")
    def choose_language(code):
        session["language"] = code
        return "ok"

    return app
