from flask import Blueprint, jsonify

from tenancy.scope import TenantScope

bp = Blueprint("tables", __name__)


@bp.get("/tables")
def list_tables():
    return jsonify(TenantScope().tables())
