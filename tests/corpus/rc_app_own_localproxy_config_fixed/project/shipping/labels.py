from shipping.ctx import current_settings


def print_labels(app, order_ids):
    with app.app_context():
        printer = current_settings["LABEL_PRINTER"]
        for order_id in order_ids:
            print(f"[{printer}] {current_settings['LABEL_FORMAT']} label for order {order_id}")
