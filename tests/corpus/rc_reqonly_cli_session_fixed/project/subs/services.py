import secrets

SUBSCRIPTIONS = {7: {"plan": "pro", "status": "active"}, 8: {"plan": "team", "status": "cancelled"}, 9: {"plan": "pro", "status": "active"}}
ARCHIVE = {}
TOKENS = {}


def cancel_subscription(sub_id, user_id):
    sub = SUBSCRIPTIONS[sub_id]
    sub.update(status="cancelled", cancelled_by=user_id)
    return sub


def issue_api_token(owner, agent):
    token = secrets.token_hex(8)
    TOKENS[token] = {"owner": owner, "agent": agent}
    return token


def archive_cancelled():
    done = [key for key, sub in SUBSCRIPTIONS.items() if sub["status"] == "cancelled"]
    for key in done:
        ARCHIVE[key] = SUBSCRIPTIONS.pop(key)
    return len(done)
