from flask import Flask
from flask_socketio import SocketIO

socketio = SocketIO()


def create_app():
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "dev"
    app.config["EXPORT_FORMAT"] = "csv"

    from app import events  # noqa: F401

    socketio.init_app(app, async_mode="threading")
    return app
