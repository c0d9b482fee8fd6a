from flask_mail import Message

from app.extensions import mail


def send_welcome(app, address):
    with app.app_context():
        msg = Message("Welcome aboard!", sender="hello@example.com", recipients=[address], body="Thanks for signing up.")
        mail.send(msg)
