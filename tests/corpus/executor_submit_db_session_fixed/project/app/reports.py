import uuid

from flask import Blueprint, current_app, jsonify, request

from app.extensions import db, executor
from app.models import Download
from app.tracking import record_download

bp = Blueprint("reports", __name__, url_prefix="/reports")

# job id -> Future, so clients can poll the bookkeeping job
jobs = {}


@bp.get("/<int:report_id>/download")
def download(report_id):
    job_id = uuid.uuid4().hex
    jobs[job_id] = executor.submit(record_download, current_app._get_current_object(), report_id, request.headers.get("User-Agent", ""))
    return jsonify(report=report_id, job=job_id)


@bp.get("/<int:report_id>/downloads")
def download_count(report_id):
    count = db.session.query(Download).filter_by(report_id=report_id).count()
    return jsonify(report=report_id, downloads=count)
