from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(ADMIN_PAGE_SIZE=20, ADMIN_EXPORT_LIMIT=500)
    app.config.update(config or {})

    # the admin package reads its settings when it is imported: import it with the app pushed
    with app.app_context():
        from shop.admin import admin_bp

        app.register_blueprint(admin_bp)
    return app
