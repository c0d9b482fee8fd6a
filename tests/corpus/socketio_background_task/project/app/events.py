from flask_socketio import emit

from app import socketio
from app.exports import build_export


@socketio.on("start_export")
def start_export(data):
    socketio.start_background_task(build_export, data["report"])
    emit("export_started", {"report": data["report"]})
