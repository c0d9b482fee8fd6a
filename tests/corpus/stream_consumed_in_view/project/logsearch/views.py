from flask import Blueprint, Response

from logsearch.feeds import iter_csv_rows, iter_matching_lines

bp = Blueprint("logs", __name__, url_prefix="/logs")


@bp.get("/search")
def search():
    return Response(iter_matching_lines(), mimetype="text/plain")


@bp.get("/export.csv")
def export_csv():
    return Response(iter_csv_rows(), mimetype="text/csv")
