from flask import Blueprint, request

from tenants.context import current_org
from tenants.policy import allowed_domain

bp = Blueprint("members", __name__)

MEMBERS = []


@bp.post("/<org>/members")
def add_member(org):
    email = request.form["email"]
    if not allowed_domain(current_org, email):
        return {"error": f"{email} is not allowed in {org}"}, 403
    MEMBERS.append((org, email))
    return {"added": email}, 201
