from flask import current_app

ORDERS = [{"id": 1, "total": 30}, {"id": 2, "total": 12}, {"id": 3, "total": 7}]


def iter_orders():
    size = current_app.config["PAGE_SIZE"]
    for start in range(0, len(ORDERS), size):
        yield from ORDERS[start:start + size]
