from flask import Blueprint, jsonify, request

from app.members import acting_user, invite

bp = Blueprint("members", __name__)


@bp.post("/members")
def create_member():
    member = invite(request.get_json()["email"], invited_by=acting_user())
    return jsonify({"id": member.id, "invited_by": member.invited_by}), 201
