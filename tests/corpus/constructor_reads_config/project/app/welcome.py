from app.mailer import Mailer


def send_welcome(email):
    mailer = Mailer()
    mailer.send(email, "Welcome!", "Thanks for signing up.")
