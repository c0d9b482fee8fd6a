"""python scripts/rebuild_cache.py"""

from catalog.context import app_ctx
from catalog.services import rebuild_cache
from catalog.warmup import start_warmup

if __name__ == "__main__":
    start_warmup().join()
    with app_ctx() as app:
        print("rebuilding the cache of", app.name)
    print("cache:", rebuild_cache())
