import threading

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED

import oracle
from app.scheduler import scheduler

oracle.watch_apscheduler(scheduler)
job_done = threading.Event()
scheduler.add_listener(lambda event: job_done.set(), EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)

from app import create_app  # noqa: E402

app = create_app()  # adds the job by its textual reference and starts the BackgroundScheduler, as in production
if not job_done.wait(10):  # the first run is due at startup; let it finish before the requests share sqlite
    oracle.record(AssertionError("the rollup job never ran"))

client = app.test_client()
oracle.observe(client.post, "/hit", data={"path": "/"})
oracle.observe(client.get, "/stats")

scheduler.shutdown()
