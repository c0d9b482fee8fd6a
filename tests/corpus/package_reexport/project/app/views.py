import uuid
from concurrent.futures import ThreadPoolExecutor

from flask import Blueprint, jsonify

from app.services import build_summary

bp = Blueprint("reports", __name__, url_prefix="/reports")
executor = ThreadPoolExecutor(max_workers=2)

# job id -> Future
jobs = {}


@bp.post("/<month>")
def start_summary(month):
    job_id = uuid.uuid4().hex
    jobs[job_id] = executor.submit(build_summary, month)
    return jsonify(job=job_id), 202
