"""The supplier's list prices, in cents, as exported from the spreadsheet."""

LIST_PRICES = [("MUG-01", 1200), ("TEE-02", 2500)]
