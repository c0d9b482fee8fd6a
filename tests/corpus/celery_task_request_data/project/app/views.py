from flask import Blueprint

from app.tasks import record_download

bp = Blueprint("documents", __name__)


@bp.get("/documents/<int:document_id>/download")
def download(document_id):
    record_download.delay(document_id)
    return f"document {document_id}"
