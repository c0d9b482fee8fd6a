from flask import Blueprint

from portal.guards import requires, staff_only

bp = Blueprint("admin", __name__)


@bp.post("/flush-cache")
@requires(staff_only)
def flush_cache():
    return "flushed"
