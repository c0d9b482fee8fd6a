from flask import Blueprint, jsonify, request, session

bp = Blueprint("auth", __name__)

USERS = {"ann@example.com": 1, "bob@example.com": 2}


@bp.post("/login")
def login():
    user_id = USERS.get(request.form["email"])
    if user_id is None:
        return jsonify(error="unknown user"), 401
    session["user_id"] = user_id
    return jsonify(user_id=user_id)


@bp.get("/me")
def me():
    return jsonify(user_id=session.get("user_id"))
