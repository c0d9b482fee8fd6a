from flask import Blueprint, jsonify

from notify.dao.services_dao import dao_fetch_service_by_id

bp = Blueprint("service", __name__)


@bp.get("/service/<int:service_id>")
def get_service(service_id):
    service = dao_fetch_service_by_id(service_id)
    if service is None:
        return jsonify(error="not found"), 404
    return jsonify(name=service.name)
