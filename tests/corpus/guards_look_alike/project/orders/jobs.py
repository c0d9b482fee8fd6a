import logging

from orders.context_info import audit_level, describe_actor, request_id, sync_enabled

log = logging.getLogger(__name__)


def announce_order(order_id):
    log.info("order %s placed by %s", order_id, describe_actor())


def sync_order(order_id):
    if sync_enabled():
        log.info("syncing order %s to the warehouse", order_id)


def audit_order(order_id):
    log.log(logging.getLevelName(audit_level().upper()), "audit: order %s", order_id)


def trace_order(order_id):
    log.debug("order %s (request id %s)", order_id, request_id())
