from flask import Blueprint, jsonify, redirect, request, session, url_for

bp = Blueprint("account", __name__)

MEMBERS = {"ann": "editor", "bob": "viewer"}


@bp.post("/login")
def login():
    name = request.form["name"]
    if name not in MEMBERS:
        return jsonify(error="unknown member"), 401
    session["member"] = name
    session["role"] = MEMBERS[name]
    return jsonify(ok=True)


@bp.get("/home")
def old_home():
    return redirect(url_for("account.dashboard", tab="recent"))


@bp.get("/dashboard")
def dashboard():
    return jsonify(member=session.get("member"), tab=request.args.get("tab", "all"))
