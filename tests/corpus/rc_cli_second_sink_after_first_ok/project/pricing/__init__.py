from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(config=None):
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///:memory:"
    app.config.update(config or {})
    db.init_app(app)

    from pricing import models
    from pricing.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
        db.session.add_all([models.Product(sku="MUG-01", price=1200), models.Product(sku="TEE-02", price=2500)])
        db.session.commit()
    return app
