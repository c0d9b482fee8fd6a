from flask import Flask

from portal import mailing


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY="dev",
        ADMIN_URL_PREFIX="/admin",
        ADMIN_PAGE_SIZE=25,
        SUPPORT_EMAIL="help@example.com",
    )
    app.config.update(config or {})

    from portal import views_public

    app.register_blueprint(views_public.bp)
    app.register_blueprint(mailing.bp)

    # the admin blueprint reads its settings when it is imported, so import it with the app pushed
    with app.app_context():
        from portal import views_admin

        app.register_blueprint(views_admin.bp)
    return app
