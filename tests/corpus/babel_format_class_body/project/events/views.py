from flask import Blueprint, jsonify

from events.banners import ConferenceBanner

bp = Blueprint("events", __name__)


@bp.get("/banner")
def banner():
    return jsonify(ConferenceBanner().as_dict())
