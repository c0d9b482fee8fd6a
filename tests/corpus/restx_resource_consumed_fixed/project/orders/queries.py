from flask import current_app, request

ORDERS = [
    {"id": 1, "customer": "ana", "status": "open"},
    {"id": 2, "customer": "bo", "status": "shipped"},
    {"id": 3, "customer": "cy", "status": "open"},
    {"id": 4, "customer": "dee", "status": "open"},
]


def iter_orders():
    status = request.args.get("status", "open")
    limit = current_app.config["PAGE_SIZE"]
    for order in ORDERS:
        if order["status"] == status and limit > 0:
            limit -= 1
            yield order
