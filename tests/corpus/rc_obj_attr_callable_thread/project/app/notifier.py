from app.mailer import send_mail


class WelcomeNotifier:
    def __init__(self, notify=send_mail):
        self.notify = notify

    def run(self, email, name):
        self.notify(email, "Welcome to the club", f"Hi {name}, thanks for joining!")
