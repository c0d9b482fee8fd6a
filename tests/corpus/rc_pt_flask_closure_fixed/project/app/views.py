from flask import Blueprint, jsonify

from app.prefs import requested_sort, upload_limit_bytes

bp = Blueprint("files", __name__)

FILES = [{"name": "b.txt", "size": 10}, {"name": "a.txt", "size": 30}]


@bp.get("/files")
def list_files():
    key = requested_sort()
    files = sorted(FILES, key=lambda f: f[key])
    return jsonify({"files": [f["name"] for f in files], "limit": upload_limit_bytes()})
