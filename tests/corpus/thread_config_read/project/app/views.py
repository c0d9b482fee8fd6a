import threading

from flask import Blueprint

from app.reports import send_report

bp = Blueprint("views", __name__)


@bp.route("/report")
def report():
    thread = threading.Thread(target=send_report)
    thread.start()
    return "started"
