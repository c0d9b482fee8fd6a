from app.mailer import Mailer


def send_welcome(app, email):
    with app.app_context():
        mailer = Mailer()
    mailer.send(email, "Welcome!", "Thanks for signing up.")
