import threading

from flask import Blueprint, current_app, jsonify

from app.audit import write_audit
from app.billing import sync_invoices

bp = Blueprint("billing", __name__, url_prefix="/billing")


@bp.post("/accounts/<int:account_id>/sync")
def sync_account(account_id):
    flask_app = current_app._get_current_object()
    threading.Thread(target=sync_invoices, args=(flask_app, account_id)).start()
    threading.Thread(target=write_audit, args=(flask_app, f"sync account {account_id}")).start()
    return jsonify(account=account_id, status="queued"), 202
