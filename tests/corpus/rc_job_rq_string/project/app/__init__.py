import os

import rq
from flask import Flask
from redis import Redis

from app.extensions import db


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite:///shop.db"),
        REDIS_URL=os.environ.get("REDIS_URL", "redis://localhost:6379/0"),
    )
    db.init_app(app)
    app.redis = Redis.from_url(app.config["REDIS_URL"])
    app.task_queue = rq.Queue("shop-exports", connection=app.redis)

    from app import models  # noqa: F401
    from app.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
    return app
