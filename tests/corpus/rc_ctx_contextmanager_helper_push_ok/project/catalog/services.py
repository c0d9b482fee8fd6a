from flask import current_app, request

CACHE = {}


def rebuild_cache():
    CACHE.clear()
    CACHE.update(ttl=current_app.config["CACHE_TTL"])
    return CACHE


def warmup_pages():
    return list(current_app.config["WARMUP_PAGES"])


def featured_limit():
    return current_app.config["FEATURED_LIMIT"]


def search_terms():
    query = request.args.get("q", "")
    minimum = current_app.config["SEARCH_MIN_LENGTH"]
    return [t for t in query.split() if len(t) >= minimum]
