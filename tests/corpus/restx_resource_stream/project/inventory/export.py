from flask import request

STOCK = [
    {"sku": "KB-101", "name": "keyboard", "warehouse": "north", "qty": 14},
    {"sku": "MS-202", "name": "mouse", "warehouse": "south", "qty": 0},
    {"sku": "MN-303", "name": "monitor", "warehouse": "north", "qty": 3},
]


def iter_stock_csv(delimiter):
    yield delimiter.join(["sku", "name", "qty"]) + "\n"
    warehouse = request.args.get("warehouse")
    for item in STOCK:
        if warehouse in (None, item["warehouse"]):
            yield delimiter.join([item["sku"], item["name"], str(item["qty"])]) + "\n"
