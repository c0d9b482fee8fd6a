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
    def reload_handler(signum, frame):
        with app.app_context():
            on_reload(signum, frame)

    signal.signal(signal.SIGUSR1, reload_handler)
    return app
