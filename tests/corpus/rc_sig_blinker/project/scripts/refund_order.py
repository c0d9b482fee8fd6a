"""Support tool: python scripts/refund_order.py ORDER_ID AMOUNT_CENTS"""

import sys

from app import create_app
from app.signals import order_refunded

app = create_app()

if __name__ == "__main__":
    order_refunded.send("support-cli", order_id=int(sys.argv[1]), amount_cents=int(sys.argv[2]))
