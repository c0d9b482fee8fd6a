from app.extensions import db, scheduler
from app.models import AuditEntry


def audit_export(user_id, report_name):
    with scheduler.app.app_context():
        db.session.add(AuditEntry(user_id=user_id, action=f"export:{report_name}"))
        db.session.commit()
