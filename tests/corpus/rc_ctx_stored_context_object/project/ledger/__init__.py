from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI="sqlite://",
        EXPORT_FORMAT="csv",
        CURRENCY="EUR",
    )
    app.config.update(config or {})
    db.init_app(app)

    from ledger import models
    from ledger.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
        db.session.add_all([models.Entry(amount=120), models.Entry(amount=-45)])
        db.session.commit()
    return app
