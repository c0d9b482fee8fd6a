from flask import current_app

from app.jobs import send_digest


def request_digest(user_id):
    queue = current_app.task_queue
    return queue.enqueue(send_digest, user_id)
