from flask import current_app


def rebuild_index(source):
    index_dir = current_app.config["SEARCH_INDEX_DIR"]
    print(f"indexing {source} into {index_dir}")
