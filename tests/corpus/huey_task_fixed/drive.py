import os

import oracle

# The project's test switch: an in-memory Huey instead of Redis (same process, real queue).
os.environ["HUEY_MEMORY"] = "1"

from huey.signals import SIGNAL_ERROR  # noqa: E402

from main import app, huey  # noqa: E402


@huey.signal(SIGNAL_ERROR)
def record_task_error(signal, task, exc=None):
    # Huey logs a failing task and emits SIGNAL_ERROR with the exception; it never re-raises.
    oracle.record(exc, exc.__traceback__)


client = app.test_client()
oracle.observe(client.post, "/orders", data={"email": "linus@example.com", "total_cents": "1999"})

# What huey_consumer's worker loop does: dequeue each task and execute it, outside any Flask context.
while (task := huey.dequeue()) is not None:
    oracle.observe(huey.execute, task)
