from flask import Blueprint, jsonify

from app.models import Customer

bp = Blueprint("customers", __name__)


@bp.get("/customers")
def list_customers():
    return jsonify([c.email for c in Customer.query.order_by(Customer.id)])
