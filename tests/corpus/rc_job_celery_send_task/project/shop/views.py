from flask import Blueprint, current_app, jsonify, request

from shop import db
from shop.models import Cart

bp = Blueprint("carts", __name__)


@bp.post("/carts")
def open_cart():
    db.session.add(Cart(owner=request.form["owner"]))
    db.session.commit()
    return "", 201


@bp.post("/admin/cleanup")
def cleanup():
    celery = current_app.extensions["celery"]
    result = celery.send_task("shop.tasks.cleanup_carts", kwargs={"days": int(request.form.get("days", 30))})
    return jsonify(task=result.id), 202
