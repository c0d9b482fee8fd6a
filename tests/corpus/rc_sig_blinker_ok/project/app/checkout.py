import time

from app.signals import stock_changed


def sync_warehouse(product_id, units):
    """Runs off the request thread: tell the warehouse, then refresh the local stock cache."""
    time.sleep(0.05)  # the warehouse API round trip
    stock_changed.send("warehouse", product_id=product_id, units=units)
