"""Rebuild the search index from scratch: python scripts/reindex.py"""

from search import create_app
from search.indexer import DOCUMENTS, log_summary, rebuild_index

if __name__ == "__main__":
    app = create_app()
    with app.app_context():
        count = rebuild_index(DOCUMENTS)
        log_summary(count)
    print(f"indexed {count} documents")
