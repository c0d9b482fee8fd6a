from flask import Blueprint, jsonify, request

from gallery.storage import thumb_path, upload_dir
from gallery.thumbs import render_in_background

bp = Blueprint("gallery", __name__)


@bp.post("/photos")
def upload():
    names = request.form.getlist("name")
    render_in_background(names)
    return jsonify(stored_in=upload_dir(), thumbs=[thumb_path(n) for n in names]), 202
