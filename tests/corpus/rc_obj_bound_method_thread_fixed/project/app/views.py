import threading

from flask import Blueprint, current_app, jsonify, request

from app.extensions import db
from app.models import Sale
from app.reports import ReportBuilder

bp = Blueprint("reports", __name__)


@bp.post("/sales")
def record_sale():
    db.session.add(Sale(amount_cents=int(request.form["amount_cents"])))
    db.session.commit()
    return "", 201


@bp.post("/reports")
def send_report():
    builder = ReportBuilder(request.form.getlist("to"), current_app._get_current_object())
    # building the report takes a while: do it off the request thread
    threading.Thread(target=builder.build).start()
    return jsonify(queued=len(builder.recipients)), 202


@bp.get("/reports/dashboard")
def dashboard():
    return "dashboard"
