import threading

from flask import Blueprint, current_app, jsonify

bp = Blueprint("reports", __name__, url_prefix="/reports")

SALES = [(n, n * 12.5) for n in range(1, 101)]


def build_export(report_id, limit):
    # imported lazily: the export settings are only needed by the background job
    from reports import export_settings

    rows = [f"{order},{total:.2f}" for order, total in SALES[:limit]]
    export_settings.upload(f"report-{report_id}.csv", "\n".join(["order,total", *rows]))


@bp.post("/<int:report_id>/export")
def start_export(report_id):
    limit = current_app.config["EXPORT_ROW_LIMIT"]
    threading.Thread(target=build_export, args=(report_id, limit), daemon=True).start()
    return jsonify(status="queued", report=report_id), 202
