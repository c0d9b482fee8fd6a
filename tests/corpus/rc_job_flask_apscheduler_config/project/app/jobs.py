from datetime import datetime, timedelta

from app.extensions import db
from app.models import Invite


def expire_invites():
    cutoff = datetime.now() - timedelta(hours=48)
    stale = Invite.query.filter(Invite.created_at < cutoff, Invite.expired.is_(False)).all()
    for invite in stale:
        invite.expired = True
    db.session.commit()
