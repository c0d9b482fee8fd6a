from flask_mail import Message

from app.extensions import mail


def send_mail(to, subject, body):
    msg = Message(subject, recipients=[to], body=body, sender="hello@club.example.com")
    mail.send(msg)
