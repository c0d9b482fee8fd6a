import warnings

warnings.simplefilter("ignore", DeprecationWarning)  # eventlet announces its maintenance mode on import

import eventlet  # noqa: E402
import eventlet.hubs  # noqa: E402

import oracle  # noqa: E402
from app import app  # noqa: E402

# eventlet's hub prints a green thread's uncaught exception and carries on; observe that channel
# the way threading.excepthook is observed for threads.
hub = eventlet.hubs.get_hub()
print_error = hub.squelch_timer_exception


def squelch_timer_exception(timer, exc_info):
    oracle.record(exc_info[1], exc_info[2])
    return print_error(timer, exc_info)


hub.squelch_timer_exception = squelch_timer_exception

client = app.test_client()
oracle.observe(client.post, "/orders/7/confirm")
eventlet.sleep(0.2)  # let the spawned green thread run, as the server's hub would
oracle.observe(client.get, "/outbox")
