from flask import current_app


def notify(app, user_id):
    with app.app_context():
        webhook = current_app.config["SIGNUP_WEBHOOK"]
    print(f"POST {webhook} user={user_id}")
