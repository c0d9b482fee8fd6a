from flask import current_app


def build_report():
    recipient = current_app.config["REPORT_RECIPIENT"]
    return f"report for {recipient}"


def send_report():
    body = build_report()
    print(body)
