from flask import request

import actors
from app import app


@app.post("/users/<int:user_id>/avatar")
def upload_avatar(user_id):
    actors.resize_avatar.send(user_id, request.form["filename"])
    return "", 202
