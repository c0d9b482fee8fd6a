from flask import current_app

AUDIT_LOG = []


def record_listing():
    channel = current_app.config["AUDIT_CHANNEL"]
    AUDIT_LOG.append((channel, "orders listed"))
