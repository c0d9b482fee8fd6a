"""Business services of the shop; import them from ``app.services``."""

from .pricing import net_to_gross
from .reports import build_summary

__all__ = ["build_summary", "net_to_gross"]
