from flask import Blueprint, abort, jsonify

from reports.store import REPORTS

bp = Blueprint("reports", __name__, url_prefix="/reports")


@bp.get("/<int:report_id>")
def show(report_id):
    report = REPORTS.get(report_id) or abort(404)
    return jsonify(title=report.title, ready=report.ready, download=report.download_url)


@bp.get("/<int:report_id>/download")
def download(report_id):
    report = REPORTS.get(report_id) or abort(404)
    return f"{report.title}\n", 200, {"Content-Type": "text/csv"}
