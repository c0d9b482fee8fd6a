import asyncio

from flask import current_app


def load_feature_flags():
    return dict(current_app.config["FEATURE_FLAGS"])


async def refresh():
    # to_thread copies the caller's contextvars: fine inside a context, nothing to copy here.
    return await asyncio.to_thread(load_feature_flags)
