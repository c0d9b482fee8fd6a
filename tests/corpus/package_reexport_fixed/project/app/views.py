import uuid
from concurrent.futures import ThreadPoolExecutor

from flask import Blueprint, current_app, jsonify

from app.services import build_summary

bp = Blueprint("reports", __name__, url_prefix="/reports")
executor = ThreadPoolExecutor(max_workers=2)

# job id -> Future
jobs = {}


def summary_job(app, month):
    with app.app_context():
        return build_summary(month)


@bp.post("/<month>")
def start_summary(month):
    job_id = uuid.uuid4().hex
    jobs[job_id] = executor.submit(summary_job, current_app._get_current_object(), month)
    return jsonify(job=job_id), 202
