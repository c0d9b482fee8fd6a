from flask import current_app

from app.decorators import background


@background
def send_welcome(email, username):
    sender = current_app.config["MAIL_SENDER"]
    print(f"From: {sender} To: {email} -- welcome to the forum, {username}!")
