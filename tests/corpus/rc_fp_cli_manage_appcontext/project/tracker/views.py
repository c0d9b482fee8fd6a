from flask import jsonify

from tracker import app
from tracker.models import User


@app.get("/users")
def list_users():
    return jsonify([u.username for u in User.query.order_by(User.username)])
