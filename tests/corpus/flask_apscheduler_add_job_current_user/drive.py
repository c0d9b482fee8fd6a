import threading

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED

import oracle
from app import create_app
from app.extensions import scheduler

oracle.watch_apscheduler(scheduler)
job_done = threading.Event()
scheduler.add_listener(lambda event: job_done.set(), EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)

app = create_app()  # starts Flask-APScheduler, as in production
client = app.test_client()
oracle.observe(client.post, "/login", data={"email": "alan@example.com"})
oracle.observe(client.post, "/reports/quarterly/export")

job_done.wait(10)  # the view scheduled a one-off job for "now"
scheduler.shutdown()
