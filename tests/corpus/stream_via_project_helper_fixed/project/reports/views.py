from flask import Blueprint

from reports.rows import iter_orders
from reports.streaming import json_array_response

bp = Blueprint("reports", __name__)


@bp.get("/orders")
def orders():
    return json_array_response(iter_orders(), "orders")
