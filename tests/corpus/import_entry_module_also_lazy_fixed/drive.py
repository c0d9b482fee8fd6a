import oracle

# the web app: the view imports the worker module inside the request
from mailer import create_app  # noqa: E402

client = create_app().test_client()
oracle.observe(client.post, "/send")

# `celery -A mailer.worker worker`: the worker loads its module by name, with no context
import sys  # noqa: E402

sys.modules.pop("mailer.worker", None)
oracle.import_module("mailer.worker")
