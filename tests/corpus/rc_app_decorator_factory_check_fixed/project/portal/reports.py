from flask import Blueprint, jsonify

from portal.guards import api_key_valid, requires

bp = Blueprint("reports", __name__)


@bp.get("/reports")
@requires(api_key_valid, status=401)
def list_reports():
    return jsonify(["q1-sales", "q2-sales"])
