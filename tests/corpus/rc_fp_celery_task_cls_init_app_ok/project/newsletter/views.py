from flask import Blueprint, jsonify

from newsletter.models import Subscriber

bp = Blueprint("subscribers", __name__)


@bp.get("/subscribers")
def list_subscribers():
    return jsonify([s.email for s in Subscriber.query.order_by(Subscriber.id)])
