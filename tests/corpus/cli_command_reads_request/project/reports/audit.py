from datetime import datetime, timezone

from flask import request

AUDIT_LOG = []


def record_event(action):
    AUDIT_LOG.append({"action": action, "ip": request.remote_addr, "at": datetime.now(timezone.utc)})
