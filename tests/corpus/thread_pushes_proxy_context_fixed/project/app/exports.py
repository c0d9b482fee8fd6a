from flask import current_app


def export_orders(app, order_ids):
    with app.app_context():
        target = current_app.config["EXPORT_DIR"]
    print(f"exporting {len(order_ids)} orders to {target}")
