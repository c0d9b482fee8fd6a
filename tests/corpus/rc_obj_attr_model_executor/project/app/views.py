from concurrent.futures import ThreadPoolExecutor

from flask import Blueprint, Response, request

from app.exporters import UserExporter
from app.extensions import db
from app.models import User

bp = Blueprint("admin", __name__)


@bp.post("/users")
def create_user():
    db.session.add(User(email=request.form["email"], name=request.form["name"]))
    db.session.commit()
    return "", 201


@bp.get("/export/users.csv")
def export_users():
    exporter = UserExporter()
    # run the export in a worker thread so a slow query cannot hold the request lock
    with ThreadPoolExecutor(max_workers=1) as pool:
        body = pool.submit(exporter.export).result(timeout=30)
    return Response(body, mimetype="text/csv")
