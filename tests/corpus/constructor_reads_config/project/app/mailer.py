from flask import current_app


class Mailer:
    def __init__(self):
        self.sender = current_app.config["MAIL_FROM"]

    def send(self, to, subject, body):
        print(f"From: {self.sender}\nTo: {to}\nSubject: {subject}\n\n{body}")
