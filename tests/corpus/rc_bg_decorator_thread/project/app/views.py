from flask import Blueprint, jsonify, request

from app.mailer import send_welcome

bp = Blueprint("accounts", __name__)


@bp.post("/register")
def register():
    email, username = request.form["email"], request.form["username"]
    send_welcome(email, username)
    return jsonify(username=username), 201
