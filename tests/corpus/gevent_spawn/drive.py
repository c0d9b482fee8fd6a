import gevent

import oracle
from app import app

# gevent reports a greenlet's uncaught exception to Hub.handle_error (which prints it and
# carries on); observe that channel the way threading.excepthook is observed for threads.
hub = gevent.get_hub()
print_error = hub.handle_error


def handle_error(context, type_, value, tb):
    if isinstance(context, gevent.Greenlet) and value is not None:
        oracle.record(value, tb)
    return print_error(context, type_, value, tb)


hub.handle_error = handle_error

client = app.test_client()
oracle.observe(client.get, "/api/quotes", headers={"X-Api-Key": "k-123"})
gevent.wait()  # let the spawned greenlets run, as the server's hub would
oracle.observe(client.get, "/api/hits")
