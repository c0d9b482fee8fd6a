from app.audit import AuditContext, log_event


def nightly_audit_rotation(app):
    with app.app_context():
        ctx = AuditContext("nightly-rotation")
        log_event(ctx, f"rotating audit log for {ctx.actor}")
