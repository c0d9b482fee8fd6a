from flask import Blueprint, jsonify

from catalog.services import featured_limit, search_terms

bp = Blueprint("catalog", __name__)


@bp.get("/search")
def search():
    return jsonify(terms=search_terms(), featured=featured_limit())
