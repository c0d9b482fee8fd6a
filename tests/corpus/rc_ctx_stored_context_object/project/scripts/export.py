"""Cron entry: python scripts/export.py 2024-05-31"""

import sys

from ledger import create_app
from ledger.jobs import ExportWorker

if __name__ == "__main__":
    worker = ExportWorker(create_app(), sys.argv[1])
    worker.start()
    worker.join()
