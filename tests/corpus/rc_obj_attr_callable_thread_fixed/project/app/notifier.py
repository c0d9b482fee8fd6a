from app.mailer import send_mail


class WelcomeNotifier:
    def __init__(self, app, notify=send_mail):
        self.app = app
        self.notify = notify

    def run(self, email, name):
        with self.app.app_context():
            self.notify(email, "Welcome to the club", f"Hi {name}, thanks for joining!")
