"""The shop's models; ``from shop.models import db`` gives the SQLAlchemy extension, not the module."""

from .db import db
from .order import Order

__all__ = ["Order", "db"]
