from app.registry import NOTIFIERS


def dispatch(app, event):
    with app.app_context():
        for notifier in NOTIFIERS:
            notifier.notify(event)
