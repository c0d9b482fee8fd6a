from flask import current_app

from .pricing import net_to_gross

SALES = {"2024-01": [120.0, 80.5, 42.0], "2024-02": [300.0, 15.25]}


def build_summary(month):
    currency = current_app.config["REPORT_CURRENCY"]
    total = net_to_gross(sum(SALES.get(month, [])), 0.2)
    return f"{month}: {total:.2f} {currency}"
