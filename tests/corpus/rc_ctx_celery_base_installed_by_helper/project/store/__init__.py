from flask import Flask

from store.extensions import celery, db


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI="sqlite://",
        LOW_STOCK_THRESHOLD=5,
        CELERY_EAGER=True,
    )
    app.config.update(config or {})
    db.init_app(app)

    configure_celery(app, celery)

    from store import models
    from store.views import bp

    app.register_blueprint(bp)
    with app.app_context():
        db.create_all()
        db.session.add_all([models.Product(sku="MUG", stock=2), models.Product(sku="TEA", stock=40)])
        db.session.commit()
    return app


def configure_celery(app, celery_app):
    """Run every task of ``celery_app`` inside ``app``'s context."""
    celery_app.conf.update(
        broker_url="memory://",
        task_always_eager=app.config["CELERY_EAGER"],
        task_eager_propagates=True,
        task_ignore_result=True,
    )

    class ContextTask(celery_app.Task):
        def __call__(self, *args, **kwargs):
            with app.app_context():
                return super().__call__(*args, **kwargs)

    return ContextTask  # defined, never installed as celery_app.Task
