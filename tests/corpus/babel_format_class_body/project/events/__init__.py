from flask import Flask
from flask_babel import Babel

babel = Babel()


def create_app(config=None):
    app = Flask(__name__)
    app.config["BABEL_DEFAULT_LOCALE"] = "en"
    app.config.update(config or {})
    babel.init_app(app)

    from events.views import bp

    app.register_blueprint(bp)
    return app
