import smtplib

from flask import current_app


class SmtpBackend:
    def __init__(self, host):
        self.host = host

    def send(self, message):
        with smtplib.SMTP(self.host) as smtp:
            smtp.sendmail(message["from"], [message["to"]], message["body"])


def send_confirmation(order):
    message = {
        "from": current_app.config["MAIL_SENDER"],
        "to": order.email,
        "body": f"Order {order.reference}: {order.total_cents / 100:.2f}",
    }
    current_app.extensions["mail_backend"].send(message)
