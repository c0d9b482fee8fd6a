from flask import current_app


class Mailer:
    def __init__(self, app, recipients):
        self.app = app
        self.recipients = list(recipients)

    def send_digest(self):
        with self.app.app_context():
            sender = current_app.config["MAIL_FROM"]
            for to in self.recipients:
                print(f"From: {sender} To: {to} -- weekly digest")
