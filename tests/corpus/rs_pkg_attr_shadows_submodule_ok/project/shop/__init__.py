from flask import Flask

from shop.models import db


def create_app():
    app = Flask(__name__)
    app.config.update(SQLALCHEMY_DATABASE_URI="sqlite://", CART_TTL_HOURS=48)
    db.init_app(app)

    from shop.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
    return app
