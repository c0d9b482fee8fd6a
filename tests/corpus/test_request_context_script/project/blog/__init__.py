from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(POSTS_PER_PAGE=10)

    from blog.archive import bp

    app.register_blueprint(bp)
    return app
