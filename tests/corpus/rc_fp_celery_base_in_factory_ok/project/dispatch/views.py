from flask import Blueprint, jsonify, request

from dispatch.tasks import deliver_sms

bp = Blueprint("messages", __name__)


@bp.post("/messages")
def create_message():
    result = deliver_sms.apply_async(args=[request.form["to"], request.form["body"]])
    return jsonify(task_id=result.id), 202
