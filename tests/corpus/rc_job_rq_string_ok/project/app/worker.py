import click
import rq
from flask import current_app


@click.command("rq-worker")
@click.option("--burst", is_flag=True, help="Quit once the queue is empty.")
def rq_worker(burst):
    """Run the export jobs: `flask --app app rq-worker`.

    The flask command pushes the app context, and SimpleWorker runs each job in this
    process (no fork), so the jobs run inside that context.
    """
    worker = rq.SimpleWorker([current_app.task_queue], connection=current_app.redis)
    worker.work(burst=burst, logging_level="WARNING")
