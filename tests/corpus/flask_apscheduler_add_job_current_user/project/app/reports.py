from uuid import uuid4

from flask import Blueprint
from flask_login import login_required

from app.audit import audit_export
from app.extensions import scheduler

bp = Blueprint("reports", __name__)


@bp.post("/reports/<name>/export")
@login_required
def export_report(name):
    # Writing the audit trail must not slow the download down: do it in the background.
    scheduler.add_job(id=f"audit-{uuid4().hex}", func=audit_export, args=[name], trigger="date")
    return f"exporting {name}", 202
