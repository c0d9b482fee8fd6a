from celery import shared_task
from flask import request

from app.extensions import db
from app.models import Download


@shared_task
def record_download(document_id):
    user_agent = request.headers.get("User-Agent", "unknown")
    db.session.add(Download(document_id=document_id, user_agent=user_agent))
    db.session.commit()
