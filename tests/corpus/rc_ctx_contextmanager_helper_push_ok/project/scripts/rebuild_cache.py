"""python scripts/rebuild_cache.py"""

from catalog.context import app_ctx
from catalog.services import rebuild_cache
from catalog.warmup import start_warmup

if __name__ == "__main__":
    with app_ctx():
        print("cache:", rebuild_cache())
    start_warmup().join()
