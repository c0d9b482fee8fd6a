from app.extensions import db
from app.models import Download


def record_download(app, report_id, user_agent):
    with app.app_context():
        with db.session() as session:
            session.add(Download(report_id=report_id, user_agent=user_agent))
            session.commit()
