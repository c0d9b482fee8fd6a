from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI="sqlite://",
        PKI_TMP_DIR="/tmp",
        PKI_ALLOWED_KEY_TYPES=["RSA2048", "ECCPRIME256V1"],
    )
    app.config.update(config or {})
    db.init_app(app)

    from pki import models  # noqa: F401
    from pki.views import bp

    app.register_blueprint(bp)
    return app
