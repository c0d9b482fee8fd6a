import threading

from flask import current_app as app


def subject_line():
    return f"{app.config['SITE_NAME']} weekly digest"


def send_digest(app, recipients):
    sender = app.config["DIGEST_SENDER"]
    with app.app_context():
        subject = subject_line()
    for recipient in recipients:
        print(f"{sender} -> {recipient}: {subject}")


def start_digest(flask_app, recipients):
    thread = threading.Thread(target=send_digest, args=(flask_app, recipients))
    thread.start()
    return thread


def warm_template_cache(app):
    size = app.config["TEMPLATE_CACHE_SIZE"]
    with app.app_context():
        print(f"warming {size} templates for {subject_line()}")
