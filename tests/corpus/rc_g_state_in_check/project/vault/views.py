from flask import Blueprint, g, request

from vault.storage import UPLOADS, save, storage_prefix

bp = Blueprint("vault", __name__)


@bp.before_request
def pick_tenant():
    g.tenant = request.headers.get("X-Tenant", "public")


@bp.post("/files/<name>")
def upload(name):
    save(name, request.get_data())
    return {"stored_under": storage_prefix(), "count": len(UPLOADS[storage_prefix()])}, 201
