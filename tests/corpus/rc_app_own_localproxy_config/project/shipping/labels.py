from shipping.ctx import current_settings


def print_labels(order_ids):
    printer = current_settings["LABEL_PRINTER"]
    for order_id in order_ids:
        print(f"[{printer}] {current_settings['LABEL_FORMAT']} label for order {order_id}")
