import os
import tempfile

import fakeredis
import redis

import oracle

# Offline stand-ins: fakeredis for the Redis server, a sqlite file shared by web app and worker.
redis.Redis = fakeredis.FakeRedis
workdir = tempfile.TemporaryDirectory()
os.environ["DATABASE_URL"] = "sqlite:///" + os.path.join(workdir.name, "shop.db")

from rq import SimpleWorker  # noqa: E402

from app import create_app  # noqa: E402

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/orders", data={"customer": "acme", "total_cents": "2500"})
oracle.observe(client.post, "/exports", data={"customer": "acme"})


def record_job_error(job, exc_type, exc_value, tb):
    oracle.record(exc_value, tb)
    return True


# `rq worker shop-exports`: the worker imports app.tasks by the job's dotted name and runs it with no Flask context.
worker = SimpleWorker(["shop-exports"], connection=app.redis, exception_handlers=[record_job_error])
oracle.observe(worker.work, burst=True, logging_level="WARNING")
