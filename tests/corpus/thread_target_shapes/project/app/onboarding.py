import threading

from flask import Blueprint, session

bp = Blueprint("onboarding", __name__)


class Onboarding:
    def __init__(self, user_id):
        self.user_id = user_id

    def start(self):
        threading.Thread(target=self.run_sync).start()

    def run_sync(self):
        campaign = session.get("campaign", "organic")
        print(f"onboarding user={self.user_id} campaign={campaign}")


@bp.get("/landing/<campaign>")
def landing(campaign):
    session["campaign"] = campaign
    return "welcome"
