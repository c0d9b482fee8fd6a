from app.channels import EmailNotifier, SlackNotifier

# Every channel an alert is fanned out to, in order.
NOTIFIERS = [EmailNotifier(), SlackNotifier("https://hooks.slack.example.com/T000/B000")]
