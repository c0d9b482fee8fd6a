from flask import Blueprint, jsonify

from pki.certificates import get_by_serial

bp = Blueprint("certificates", __name__)


@bp.get("/certificates/<serial>")
def show(serial):
    cert = get_by_serial(serial)
    if cert is None:
        return jsonify(error="unknown serial"), 404
    return jsonify(common_name=cert.common_name)
