from flask import g

TABLES = {"public": ["plans"], "acme": ["plans", "users", "orders"]}


class TenantScope:
    """Which database schema the current unit of work talks to."""

    def __init__(self, fallback="public"):
        self.fallback = fallback

    @property
    def schema(self):
        return g.get("tenant_schema", self.fallback)

    def tables(self):
        return TABLES.get(self.schema, [])
