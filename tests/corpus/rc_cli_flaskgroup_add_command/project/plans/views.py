from flask import Blueprint, jsonify

from plans import db
from plans.models import Plan

bp = Blueprint("plans", __name__)


@bp.get("/plans")
def list_plans():
    return jsonify([p.code for p in db.session.scalars(db.select(Plan).order_by(Plan.id))])
