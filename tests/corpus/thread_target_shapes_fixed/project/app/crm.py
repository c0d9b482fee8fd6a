from flask import g


class CrmClient:
    def __init__(self):
        self.app = None
        self.api_key = None

    def init_app(self, app):
        self.app = app
        self.api_key = app.config["CRM_API_KEY"]

    def sync(self, user_id):
        with self.app.app_context():
            token = g.get("crm_token", self.api_key)
        print(f"crm sync user={user_id} token={token[:3]}...")


crm = CrmClient()
