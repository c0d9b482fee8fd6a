from flask import current_app


def build_report():
    recipient = current_app.config["REPORT_RECIPIENT"]
    return f"report for {recipient}"


def send_report(app):
    with app.app_context():
        body = build_report()
    print(body)
