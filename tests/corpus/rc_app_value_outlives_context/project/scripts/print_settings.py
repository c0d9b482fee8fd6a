"""Show the billing settings a deploy will use: python scripts/print_settings.py"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from flask import current_app  # noqa: E402

from billing import create_app  # noqa: E402

if __name__ == "__main__":
    app = create_app()
    with app.app_context():
        settings = dict(current_app.config)
        currency = current_app.config["BILLING_CURRENCY"]
    print(f"currency: {currency}")
    print(f"tax rate: {current_app.config['TAX_RATE']:.0%}")
