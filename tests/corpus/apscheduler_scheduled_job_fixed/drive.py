import threading

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED

import oracle
from jobs import scheduler

oracle.watch_apscheduler(scheduler)
job_done = threading.Event()
scheduler.add_listener(lambda event: job_done.set(), EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)

wsgi = oracle.import_module("wsgi")  # the server imports wsgi: the scheduler starts there
client = wsgi.app.test_client()
oracle.observe(client.get, "/rates")

job_done.wait(10)
scheduler.shutdown()
