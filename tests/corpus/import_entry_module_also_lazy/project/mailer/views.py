from flask import Blueprint

bp = Blueprint("mail", __name__)


@bp.post("/send")
def send():
    from mailer.worker import queue_name  # the worker module, imported only when needed

    return {"queued_on": queue_name()}
