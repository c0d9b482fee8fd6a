from flask import current_app


def export_orders(order_ids):
    # Looks like a fix, but the proxy cannot resolve here: there is no app to take app_context() from.
    with current_app.app_context():
        target = current_app.config["EXPORT_DIR"]
    print(f"exporting {len(order_ids)} orders to {target}")
