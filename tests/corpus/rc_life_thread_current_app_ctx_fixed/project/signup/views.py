from flask import Blueprint, request

from signup.outbox import outbox

bp = Blueprint("signup", __name__)


@bp.post("/signup")
def signup():
    email = request.form["email"]
    outbox.queue(email, "Welcome aboard")
    outbox.flush_async()
    return {"status": "ok"}, 201
