from flask import Blueprint

from exports.jobs import start_export

bp = Blueprint("exports", __name__)


@bp.post("/exports")
def create_export():
    start_export()
    return {"status": "started"}, 202
