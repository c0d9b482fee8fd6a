import fakeredis
import redis

import oracle

# Offline stand-in for the Redis server (instances with the same URL share one fake server).
redis.Redis = fakeredis.FakeRedis

from rq import Queue, SimpleWorker  # noqa: E402

import jobs  # noqa: E402
from app import app  # noqa: E402

client = app.test_client()
oracle.observe(client.post, "/reports/2024-05")


def record_job_error(job, exc_type, exc_value, tb):
    oracle.record(exc_value, tb)
    return True


# `rq worker reports`: the worker runs the job function outside any Flask context.
queue = Queue("reports", connection=jobs.redis_conn)
worker = SimpleWorker([queue], connection=jobs.redis_conn, exception_handlers=[record_job_error])
oracle.observe(worker.work, burst=True, logging_level="WARNING")
