import oracle
from worker import celery

# the worker runs the hourly beat task
oracle.observe(celery.tasks["reports.mail_ready_reports"].apply, throw=True)

# the web app (flask --app reports run)
from reports import create_app  # noqa: E402

client = create_app().test_client()
oracle.observe(client.get, "/reports/1")
oracle.observe(client.get, "/reports/1/download")
