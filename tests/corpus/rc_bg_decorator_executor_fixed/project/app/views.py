from flask import Blueprint, current_app, jsonify

from app.media import make_thumbnail

bp = Blueprint("photos", __name__)


@bp.post("/photos/<int:photo_id>/thumbnails")
def thumbnails(photo_id):
    futures = [make_thumbnail(photo_id, size) for size in current_app.config["THUMBNAIL_SIZES"]]
    return jsonify(paths=[f.result(timeout=30) for f in futures]), 201
