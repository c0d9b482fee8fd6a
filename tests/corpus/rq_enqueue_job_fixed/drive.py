import os
import tempfile

import fakeredis
import redis

import oracle

# Offline stand-ins: fakeredis for the Redis server, a sqlite file shared by web app and worker.
redis.Redis = fakeredis.FakeRedis
workdir = tempfile.TemporaryDirectory()
os.environ["DATABASE_URL"] = "sqlite:///" + os.path.join(workdir.name, "app.db")

from rq import SimpleWorker  # noqa: E402

from app import create_app  # noqa: E402

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/users", data={"email": "grace@example.com"})
oracle.observe(client.post, "/users/1/digest")


def record_job_error(job, exc_type, exc_value, tb):
    oracle.record(exc_value, tb)
    return True


# `rq worker digests`: a worker process imports app.jobs and runs each job outside any Flask context.
worker = SimpleWorker([app.task_queue], connection=app.redis, exception_handlers=[record_job_error])
oracle.observe(worker.work, burst=True, logging_level="WARNING")
