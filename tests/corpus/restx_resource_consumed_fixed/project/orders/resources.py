import threading

from flask import current_app
from flask_restx import Namespace, Resource

from orders.audit import record_listing
from orders.queries import iter_orders

ns = Namespace("orders", description="Customer orders")


@ns.route("/")
class OrderList(Resource):
    def get(self):
        channel = current_app.config["AUDIT_CHANNEL"]
        threading.Thread(target=record_listing, args=(channel,), daemon=True).start()
        return {"items": list(iter_orders())}
