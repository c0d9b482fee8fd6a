POPULAR_PAGES = {}


def warm_cache(app):
    for slug in ("home", "pricing", "docs"):
        POPULAR_PAGES[slug] = f"<h1>{slug}</h1>"
    app.logger.info("cache warmed with %d pages", len(POPULAR_PAGES))
