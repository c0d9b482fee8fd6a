import threading

from flask_restx import Namespace, Resource

from orders.audit import record_listing
from orders.queries import iter_orders

ns = Namespace("orders", description="Customer orders")


@ns.route("/")
class OrderList(Resource):
    def get(self):
        threading.Thread(target=record_listing, daemon=True).start()
        return {"items": list(iter_orders())}
