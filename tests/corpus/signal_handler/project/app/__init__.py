import signal

from flask import Flask

from app.settings import load_settings, on_reload


def create_app():
    app = Flask(__name__)
    app.config["SETTINGS_FILE"] = "settings.json"
    load_settings(app.config)

    from app.views import bp

    app.register_blueprint(bp)
    # `kill -USR1 <pid>` reloads the settings without a restart
    signal.signal(signal.SIGUSR1, on_reload)
    return app
