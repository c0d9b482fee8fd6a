from flask import current_app


def notify(user_id):
    webhook = current_app.config["SIGNUP_WEBHOOK"]
    print(f"POST {webhook} user={user_id}")
