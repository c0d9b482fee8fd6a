from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(MAIL_FROM="digest@blog.example.com", DIGEST_SUBJECT="This week on the blog")

    from blog.views import bp

    app.register_blueprint(bp)
    return app
