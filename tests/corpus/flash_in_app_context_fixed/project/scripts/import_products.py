"""Bulk-import products from a CSV file: python scripts/import_products.py FILE"""

import csv
import logging
import sys

from catalog import create_app
from catalog.importer import import_products

log = logging.getLogger("import_products")

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app = create_app()
    with app.app_context():
        with open(sys.argv[1], newline="") as f:
            rows = list(csv.reader(f))
        import_products(rows, notify=log.info)
