import asyncio

from flask import current_app

CACHE = {}


def load_feature_flags():
    return dict(current_app.config["FEATURE_FLAGS"])


async def render_page(key):
    await asyncio.sleep(0)
    return f"<html>{key}</html>"


async def warm_up(keys):
    loop = asyncio.get_running_loop()
    flags = await loop.run_in_executor(None, load_feature_flags)
    pages = await asyncio.gather(*(render_page(key) for key in keys))
    CACHE.update(zip(keys, pages))
    CACHE["flags"] = flags
