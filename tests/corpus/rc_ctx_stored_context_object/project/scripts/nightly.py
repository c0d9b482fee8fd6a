"""Cron entry: python scripts/nightly.py"""

from ledger import create_app
from ledger.jobs import NightlyClose

if __name__ == "__main__":
    NightlyClose(create_app()).run()
