from collections import Counter

from flask import current_app

COUNTERS = Counter()


def incr(name):
    COUNTERS[name] += 1


def flush_metrics():
    prefix = current_app.config["METRICS_PREFIX"]
    for name, value in sorted(COUNTERS.items()):
        print(f"{prefix}.{name} {value}")
    COUNTERS.clear()
