import time

from vault.storage import prune


def sweep_forever(app, rounds=None):
    done = 0
    while rounds is None or done < rounds:
        with app.app_context():
            prune()
        done += 1
        time.sleep(0.01)
