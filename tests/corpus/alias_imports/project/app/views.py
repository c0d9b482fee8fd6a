import threading

from flask import Blueprint, jsonify

from app.audit import write_audit
from app.billing import sync_invoices

bp = Blueprint("billing", __name__, url_prefix="/billing")


@bp.post("/accounts/<int:account_id>/sync")
def sync_account(account_id):
    threading.Thread(target=sync_invoices, args=(account_id,)).start()
    threading.Thread(target=write_audit, args=(f"sync account {account_id}",)).start()
    return jsonify(account=account_id, status="queued"), 202
