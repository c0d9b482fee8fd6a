from flask import Blueprint, jsonify

from clinic.models import Appointment

bp = Blueprint("appointments", __name__)


@bp.get("/appointments")
def list_appointments():
    return jsonify([a.patient for a in Appointment.query.filter_by(cancelled=False)])
