def register_extensions(app):
    """Attach the shop's Jinja helpers to ``app``."""
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    # importing the module registers its filters on current_app
    from shop import filters  # noqa: F401

    app.extensions["shop.filters"] = filters
