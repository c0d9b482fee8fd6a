"""Retry policy for outbound deliveries; knows nothing about the web layer."""

from dataclasses import dataclass

MAX_ATTEMPTS = 3


@dataclass
class DeliveryRequest:
    recipient: str
    attempts: int
    hard_bounce: bool = False


def should_retry(request):
    return request.attempts < MAX_ATTEMPTS and not request.hard_bounce


def retry_pending(pending):
    for item in pending:
        if should_retry(item):
            print(f"retrying {item.recipient} (attempt {item.attempts + 1})")
