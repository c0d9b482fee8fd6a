from app.registry import NOTIFIERS


def dispatch(event):
    for notifier in NOTIFIERS:
        notifier.notify(event)
