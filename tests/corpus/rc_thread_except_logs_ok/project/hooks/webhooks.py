import json
import threading

from flask import Blueprint, current_app, request

bp = Blueprint("webhooks", __name__)

PROCESSED = []


def process_event(app, raw):
    with app.app_context():
        try:
            event = json.loads(raw)
        except json.JSONDecodeError as exc:
            current_app.logger.warning("dropping malformed webhook: %s", exc)
            return
        PROCESSED.append((event["id"], event.get("amount", 0)))


@bp.post("/webhooks/payments")
def payments_webhook():
    raw = request.get_data(as_text=True)
    app = current_app._get_current_object()
    threading.Thread(target=process_event, args=(app, raw)).start()
    return "", 202
