"""Rebuild the search index batch by batch: python scripts/reindex.py"""

from search import create_app
from search.indexer import DOCUMENTS, log_summary, rebuild_index

BATCH = 1


def reindex_in_batches(app):
    count = 0
    for start in range(0, len(DOCUMENTS), BATCH):
        # a fresh context per batch, so g and per-context caches do not grow across batches
        ctx = app.app_context()
        ctx.push()
        count += rebuild_index(DOCUMENTS[: start + BATCH])
        ctx.pop()
    log_summary(count)
    return count


if __name__ == "__main__":
    app = create_app()
    with app.app_context():
        total = reindex_in_batches(app)
    print(f"indexed {total} documents")
