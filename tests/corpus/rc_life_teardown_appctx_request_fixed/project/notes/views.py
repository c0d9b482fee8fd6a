from flask import Blueprint, jsonify

from notes.db import get_connection

bp = Blueprint("notes", __name__)


@bp.get("/notes")
def list_notes():
    return jsonify(get_connection().fetch_all())
