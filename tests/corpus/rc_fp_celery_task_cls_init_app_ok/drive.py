import oracle

# `celery -A worker.celery worker` imports worker.py, then runs the tasks it receives.
from worker import celery

oracle.observe(celery.tasks["newsletter.send_digest"].apply, throw=True)
oracle.observe(celery.tasks["newsletter.drop_bounced"].apply, args=("ana@example.com",), throw=True)
oracle.observe(celery.tasks["newsletter.sender_address"].apply, throw=True)

# the web process (flask --app newsletter run)
from newsletter import create_app

oracle.observe(create_app().test_client().get, "/subscribers")
