import oracle

# `celery -A run_celery.dispatch_celery worker` imports run_celery.py (which builds the app,
# re-initialises the Celery object with task_cls=DispatchTask and pushes an app context for the
# whole worker process), then runs the tasks it receives.
from run_celery import dispatch_celery

oracle.observe(dispatch_celery.tasks["deliver-sms"].apply, args=("+447700900123", "Your code is 1234"), throw=True)
oracle.observe(dispatch_celery.tasks["purge-old-messages"].apply, throw=True)

# the web process (gunicorn application:application) enqueues on the broker
from application import application

client = application.test_client()
oracle.observe(client.post, "/messages", data={"to": "+447700900123", "body": "Your code is 1234"})
