AUDIT_LOG = []


def record_listing(channel):
    AUDIT_LOG.append((channel, "orders listed"))
