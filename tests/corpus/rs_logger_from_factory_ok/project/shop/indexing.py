import logging

from flask import current_app

log = logging.getLogger(__name__)


def rebuild_search_index(app, product_ids):
    log.info("rebuilding the index for %d products", len(product_ids))
    jobs = []
    with app.app_context():
        prefix = current_app.config["INDEX_PREFIX"]
        for pid in product_ids:
            jobs.append("{}:{}".format(prefix, pid).lower())
        current_app.logger.debug("batch size %s", current_app.config["INDEX_BATCH"])
    summary = ", ".join(jobs).strip()
    log.info("indexed: %s", summary)
    return jobs
