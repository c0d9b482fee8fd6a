from flask import Blueprint, jsonify, request

from notes.pagination import paginate
from notes.store import all_notes

bp = Blueprint("api", __name__)


@bp.get("/notes")
def list_notes():
    return jsonify(paginate(all_notes(), page=request.args.get("page", 1, type=int)))
