"""Retry policy for outbound deliveries."""

from dataclasses import dataclass

from flask import request

MAX_ATTEMPTS = 3


@dataclass
class DeliveryRequest:
    recipient: str
    attempts: int
    hard_bounce: bool = False


def pending_from_form():
    return [DeliveryRequest(email, int(n)) for email, n in request.form.items()]


def should_retry(delivery):
    return request.attempts < MAX_ATTEMPTS and not request.hard_bounce


def retry_pending(pending):
    for item in pending:
        if should_retry(item):
            print(f"retrying {item.recipient} (attempt {item.attempts + 1})")
