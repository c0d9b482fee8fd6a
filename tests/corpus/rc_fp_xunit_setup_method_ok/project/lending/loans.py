from datetime import date, timedelta

from flask import current_app

from lending import db
from lending.models import Loan


def lend(book, member):
    due = date.today() + timedelta(days=current_app.config["LOAN_DAYS"])
    loan = Loan(book_id=book.id, member_id=member.id, due=due)
    db.session.add(loan)
    db.session.commit()
    return loan


def open_loans(member):
    return Loan.query.filter_by(member_id=member.id, returned=False).all()


def overdue_fee(days_late):
    return max(days_late, 0) * current_app.config["DAILY_FEE_CENTS"]
