from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config["SEARCH_INDEX_DIR"] = "/tmp/search-index"
    app.config["SEARCH_SOURCES"] = ["articles", "comments"]
    return app
