from flask import Blueprint, jsonify, request

from app.extensions import db
from app.models import DailyStat, PageView

bp = Blueprint("stats", __name__)


@bp.post("/hit")
def hit():
    db.session.add(PageView(path=request.form["path"]))
    db.session.commit()
    return "", 204


@bp.get("/stats")
def stats():
    return jsonify(days=[s.views for s in db.session.execute(db.select(DailyStat)).scalars()])
