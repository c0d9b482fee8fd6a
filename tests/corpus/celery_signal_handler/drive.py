import logging
import os

import oracle

os.environ["CELERY_BROKER_URL"] = "memory://"


class _SignalErrors(logging.Handler):
    """Celery's Signal.send catches a receiver's exception and logs it with logger.exception."""

    def emit(self, record):
        if record.exc_info and record.exc_info[1] is not None:
            oracle.record(record.exc_info[1], record.exc_info[2])


logging.getLogger("celery.utils.dispatch.signal").addHandler(_SignalErrors())

# `celery -A make_celery worker` imports this module, then runs the tasks it receives.
from make_celery import celery_app, flask_app  # noqa: E402

client = flask_app.test_client()
oracle.observe(client.post, "/orders", data={"total_cents": "4200"})
oracle.observe(client.post, "/orders/1/archive")

# Worker side: the task runs (FlaskTask pushes the context), then task_postrun fires.
oracle.observe(celery_app.tasks["app.tasks.archive_order"].apply, args=(1,), throw=True)
