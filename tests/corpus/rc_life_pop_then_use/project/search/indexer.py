from flask import current_app

INDEX = {}
DOCUMENTS = [
    {"id": 1, "title": "Getting started with Flask"},
    {"id": 2, "title": "Application and request contexts explained"},
]
LOG = []


def rebuild_index(documents):
    limit = current_app.config["TITLE_MAX"]
    INDEX.clear()
    INDEX.update({doc["id"]: doc["title"].lower()[:limit] for doc in documents})
    return len(INDEX)


def log_summary(count):
    LOG.append(f"rebuilt {count} entries into {current_app.config['INDEX_NAME']}")


def search(term):
    return [doc_id for doc_id, title in INDEX.items() if term.lower() in title]
