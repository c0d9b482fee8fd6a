from flask_login import current_user

from app.extensions import db, scheduler
from app.models import AuditEntry


def audit_export(report_name):
    with scheduler.app.app_context():
        user_id = current_user.id
        db.session.add(AuditEntry(user_id=user_id, action=f"export:{report_name}"))
        db.session.commit()
