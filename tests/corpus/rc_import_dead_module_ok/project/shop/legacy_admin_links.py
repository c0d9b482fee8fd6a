"""Left over from the old admin: nothing imports this module any more (the links moved to the
templates), and no server, worker or tool loads it."""

from shop.admin import admin_bp


def admin_links():
    return [admin_bp.name + ".orders", admin_bp.name + ".export"]
