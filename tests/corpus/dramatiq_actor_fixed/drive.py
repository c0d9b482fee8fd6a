import os

import oracle

# The project's own test switch: a StubBroker instead of Redis (dramatiq's unit-testing recipe).
os.environ["UNIT_TESTS"] = "1"

import dramatiq  # noqa: E402

import actors  # noqa: E402
from app import app  # noqa: E402
from broker import broker  # noqa: E402

client = app.test_client()
oracle.observe(client.post, "/users/3/avatar", data={"filename": "me.png"})

# `dramatiq actors`: a real dramatiq Worker consumes the queue in its own threads.
worker = dramatiq.Worker(broker, worker_timeout=100)
worker.start()
# join(fail_fast=True) re-raises the actor's exception (with its worker-thread traceback).
oracle.observe(broker.join, actors.resize_avatar.queue_name, fail_fast=True)
worker.join()
worker.stop()
