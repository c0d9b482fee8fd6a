from dataclasses import dataclass

from flask import g
from werkzeug.local import LocalProxy


@dataclass
class Tenant:
    slug: str
    name: str
    seats: int


TENANTS = {
    "acme": Tenant("acme", "Acme Corp", 25),
    "globex": Tenant("globex", "Globex", 140),
}

current_tenant = LocalProxy(lambda: g.tenant)


def load_tenant(slug):
    g.tenant = TENANTS[slug]
