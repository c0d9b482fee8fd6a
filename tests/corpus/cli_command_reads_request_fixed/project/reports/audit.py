from datetime import datetime, timezone

AUDIT_LOG = []


def record_event(action, ip):
    AUDIT_LOG.append({"action": action, "ip": ip, "at": datetime.now(timezone.utc)})
