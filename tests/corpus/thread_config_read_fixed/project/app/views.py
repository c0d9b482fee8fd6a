import threading

from flask import Blueprint, current_app

from app.reports import send_report

bp = Blueprint("views", __name__)


@bp.route("/report")
def report():
    app = current_app._get_current_object()
    thread = threading.Thread(target=send_report, args=(app,))
    thread.start()
    return "started"
