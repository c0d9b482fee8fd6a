from flask import Blueprint, jsonify, request

from media.storage import thumb_path

bp = Blueprint("media", __name__)


@bp.get("/thumbs/<name>")
def thumb(name):
    return jsonify(path=str(thumb_path(name, request.args.get("size", 128, type=int))))
