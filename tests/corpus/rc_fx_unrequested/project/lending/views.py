from datetime import date

from flask import Blueprint, current_app, jsonify

from lending.loans import default_period, due_date

bp = Blueprint("loans", __name__)


@bp.get("/loans/due/<borrowed_on>")
def show_due_date(borrowed_on):
    period = default_period(current_app.config["LOAN_DAYS"])
    return jsonify(due=due_date(date.fromisoformat(borrowed_on), period).isoformat())
