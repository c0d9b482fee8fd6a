from flask import Blueprint, Response, request

bp = Blueprint("exports", __name__, url_prefix="/export")

ORDERS = [
    {"id": 1, "customer": "ana", "total": "19.90", "status": "paid"},
    {"id": 2, "customer": "bo", "total": "5.00", "status": "refunded"},
    {"id": 3, "customer": "cy", "total": "42.00", "status": "paid"},
]


@bp.get("/orders.csv")
def orders_csv():
    def generate():
        yield "id,customer,total\n"
        status = request.args.get("status", "all")
        for order in ORDERS:
            if status in ("all", order["status"]):
                yield f"{order['id']},{order['customer']},{order['total']}\n"

    return Response(generate(), mimetype="text/csv")
