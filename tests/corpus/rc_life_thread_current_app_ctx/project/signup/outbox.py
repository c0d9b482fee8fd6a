import threading

from flask import current_app

SENT = []


class Outbox:
    def __init__(self):
        self.pending = []

    def queue(self, to, subject):
        self.pending.append((to, subject))

    def flush_async(self):
        threading.Thread(target=self._flush, daemon=True).start()

    def _flush(self):
        with current_app.app_context():
            sender = current_app.config["MAIL_SENDER"]
            while self.pending:
                to, subject = self.pending.pop()
                SENT.append((sender, to, subject))


outbox = Outbox()
