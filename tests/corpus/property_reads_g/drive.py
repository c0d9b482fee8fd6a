import threading

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED

import oracle
from app import create_app
from app.scheduler import scheduler

oracle.watch_apscheduler(scheduler)
job_done = threading.Event()
scheduler.add_listener(lambda event: job_done.set(), EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)

app = create_app()  # adds the job and starts the BackgroundScheduler, as in production
job_done.wait(10)

client = app.test_client()
oracle.observe(client.delete, "/orders/12", headers={"X-User": "ann@example.com"})

scheduler.shutdown()
