from flask import current_app


class EmailNotifier:
    def notify(self, event):
        recipients = current_app.config["ALERT_RECIPIENTS"]
        print(f"mail to {', '.join(recipients)}: {event}")


class SlackNotifier:
    def __init__(self, webhook_url):
        self.webhook_url = webhook_url

    def notify(self, event):
        print(f"POST {self.webhook_url} text={event!r}")
