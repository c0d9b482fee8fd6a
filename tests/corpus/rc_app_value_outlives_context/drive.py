import oracle

# python scripts/print_settings.py
oracle.run_script("scripts/print_settings.py")

# the nightly runner: import invoice_worker (import-time settings), then run_batch(...)
worker = oracle.import_module("invoice_worker")
if worker is not None:
    oracle.observe(worker.run_batch, list(range(120)))
