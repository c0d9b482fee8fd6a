from flask import Blueprint, request

from app.tasks import notify_admins

bp = Blueprint("contact", __name__)


@bp.post("/contact")
def contact():
    notify_admins.delay("New contact request", request.form["message"])
    return "Thanks, we will get back to you."
