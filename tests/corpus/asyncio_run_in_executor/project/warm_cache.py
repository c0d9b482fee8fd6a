"""Fill the page cache before the web workers start: python warm_cache.py"""

import asyncio

from flask import current_app

from app import create_app
from app.cache import CACHE, warm_up

app = create_app()

if __name__ == "__main__":
    with app.app_context():
        asyncio.run(warm_up(current_app.config["CACHE_KEYS"]))
    print(f"warmed {len(CACHE)} entries")
