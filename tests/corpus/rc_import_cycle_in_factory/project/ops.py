"""Ops helpers: python -c "from ops import admin_endpoints; ..." (a top-level module beside wsgi.py)."""

from shop.admin import admin_bp


def admin_endpoints(app):
    prefix = admin_bp.name + "."
    return sorted(rule.rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith(prefix))
