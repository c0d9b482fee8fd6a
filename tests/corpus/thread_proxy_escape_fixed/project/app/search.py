from flask import current_app


def rebuild_index(app):
    with app.app_context():
        name = current_app.config["SEARCH_INDEX_NAME"]
        print(f"rebuilding {name}")
