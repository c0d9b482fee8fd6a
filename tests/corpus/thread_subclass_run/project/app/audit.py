import threading

from flask import current_app


class AuditLogger(threading.Thread):
    """Writes one audit event without blocking the request."""

    def __init__(self, event, user_id):
        super().__init__(daemon=True)
        self.event = event
        self.user_id = user_id

    def run(self):
        channel = current_app.config["AUDIT_CHANNEL"]
        print(f"[{channel}] user={self.user_id} event={self.event}")
