import asyncio

from flask import current_app

CACHE = {}


def load_feature_flags():
    return dict(current_app.config["FEATURE_FLAGS"])


async def render_page(key):
    await asyncio.sleep(0)
    return f"<html>{key}</html>"


async def warm_up(keys):
    # asyncio.to_thread copies the current contextvars, so the app context comes along.
    flags = await asyncio.to_thread(load_feature_flags)
    pages = await asyncio.gather(*(render_page(key) for key in keys))
    CACHE.update(zip(keys, pages))
    CACHE["flags"] = flags
