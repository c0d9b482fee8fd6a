from flask import Flask

from blog.extensions import db, mail


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(
        SQLALCHEMY_DATABASE_URI="sqlite:///blog.db",
        MAIL_DEFAULT_SENDER="blog@example.com",
    )
    app.config.update(config or {})
    db.init_app(app)
    mail.init_app(app)

    from blog import cli, views

    app.register_blueprint(views.bp)
    cli.register(app)
    return app
