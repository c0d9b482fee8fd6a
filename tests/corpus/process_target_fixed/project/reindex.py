"""Rebuild the search index, one process per source: python reindex.py"""

import multiprocessing

from app import create_app
from app.search import rebuild_index

app = create_app()

if __name__ == "__main__":
    mp = multiprocessing.get_context("fork")
    workers = [mp.Process(target=rebuild_index, args=(source,)) for source in app.config["SEARCH_SOURCES"]]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    failed = [w.name for w in workers if w.exitcode != 0]
    print(f"reindex done, failed: {failed or 'none'}")
