import os
import tempfile

import fakeredis
import redis

import oracle

# Offline stand-ins: fakeredis for the Redis server, a sqlite file shared by web app and worker.
redis.Redis = fakeredis.FakeRedis
workdir = tempfile.TemporaryDirectory()
os.environ["DATABASE_URL"] = "sqlite:///" + os.path.join(workdir.name, "shop.db")

from click.testing import CliRunner  # noqa: E402
from flask.cli import FlaskGroup  # noqa: E402

from app import create_app  # noqa: E402

app = create_app()
client = app.test_client()
oracle.observe(client.post, "/orders", data={"customer": "acme", "total_cents": "2500"})
response = oracle.observe(client.post, "/exports", data={"customer": "acme"})

# `flask --app app rq-worker --burst`, as production runs it (FlaskGroup pushes an app context).
flask_cli = FlaskGroup(create_app=lambda: app)
oracle.cli_result(CliRunner().invoke(flask_cli, ["rq-worker", "--burst"]))

# RQ keeps a failed job's traceback as text; record it, and make sure the job really ran.
job = app.task_queue.fetch_job(response.get_json()["job"])
if job.is_failed:
    failure = job.latest_result().exc_string
    oracle.record_text(failure, failure)
elif not job.is_finished:
    oracle.record(AssertionError(f"export job did not run: {job.get_status()}"))
