from flask import current_app, request, session


def upload_limit_bytes():
    return current_app.config["MAX_UPLOAD_MB"] * 1024 * 1024


def remember_theme(theme):
    session["theme"] = theme


def requested_sort():
    return request.args.get("sort", "name")
