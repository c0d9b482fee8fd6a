from flask import current_app


def rebuild_index(source):
    # Runs in a child process: build an app there and push its context.
    from app import create_app

    app = create_app()
    with app.app_context():
        index_dir = current_app.config["SEARCH_INDEX_DIR"]
        print(f"indexing {source} into {index_dir}")
