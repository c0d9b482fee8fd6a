from flask_socketio import emit

from app import socketio
from app.exports import build_export
from flask import current_app


@socketio.on("start_export")
def start_export(data):
    socketio.start_background_task(build_export, current_app._get_current_object(), data["report"])
    emit("export_started", {"report": data["report"]})
