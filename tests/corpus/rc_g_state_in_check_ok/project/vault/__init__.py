import threading

from flask import Flask

from vault.janitor import sweep_forever


def create_app():
    app = Flask(__name__)
    app.config["UPLOAD_RETENTION"] = 3

    from vault.views import bp

    app.register_blueprint(bp)
    threading.Thread(target=sweep_forever, args=(app,), kwargs={"rounds": 2}, name="janitor", daemon=True).start()
    return app
