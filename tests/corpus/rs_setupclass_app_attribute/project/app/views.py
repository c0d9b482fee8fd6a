from flask import Blueprint

from app.accounts import signup_link

bp = Blueprint("accounts", __name__)


@bp.get("/signup/<plan>")
def signup(plan):
    return f"sign up for {plan}"


@bp.get("/pricing")
def pricing():
    return signup_link("pro")
