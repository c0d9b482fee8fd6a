import threading

from flask import Blueprint, current_app, jsonify, request

from blog.mailer import Mailer
from blog.registry import registered

bp = Blueprint("digest", __name__)


@bp.post("/digest")
def send_digest():
    mailer = registered(Mailer(current_app._get_current_object(), request.form.getlist("to")))
    threading.Thread(target=mailer.send_digest, name="weekly-digest").start()
    return jsonify(queued=len(mailer.recipients)), 202
