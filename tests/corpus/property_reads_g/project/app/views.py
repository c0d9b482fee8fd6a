from flask import Blueprint, jsonify

from app.audit import AuditContext, log_event

bp = Blueprint("orders", __name__)


@bp.delete("/orders/<int:order_id>")
def cancel_order(order_id):
    ctx = AuditContext("web")
    log_event(ctx, f"{ctx.actor} cancelled order {order_id}")
    return jsonify(cancelled=order_id)
