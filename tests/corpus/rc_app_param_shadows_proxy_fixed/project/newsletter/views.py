import threading

from flask import Blueprint, current_app, request

from newsletter.digest import start_digest
from newsletter.throttle import DeliveryRequest, retry_pending

bp = Blueprint("newsletter", __name__)


@bp.post("/digest")
def trigger_digest():
    start_digest(current_app._get_current_object(), request.form.getlist("to"))
    return "queued", 202


@bp.post("/retries")
def trigger_retries():
    pending = [DeliveryRequest(email, int(n)) for email, n in request.form.items()]
    threading.Thread(target=retry_pending, args=(pending,)).start()
    return "retrying", 202
