from flask import current_app, url_for


def signup_link(plan):
    return url_for("accounts.signup", plan=plan)


def welcome_subject(name):
    return f"{current_app.config['WELCOME_SUBJECT']}, {name}"
