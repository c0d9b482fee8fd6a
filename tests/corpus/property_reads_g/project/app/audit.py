from datetime import datetime

from flask import g


class AuditContext:
    """Who did what, stamped on every audit line."""

    def __init__(self, source):
        self.source = source
        self.started = datetime.now()

    @property
    def actor(self):
        return g.get("user_email", "system")

    def line(self, action):
        return f"{self.started:%H:%M:%S} [{self.source}] {action}"


def log_event(ctx, action):
    print(ctx.line(action))
