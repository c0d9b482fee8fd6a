import oracle

# pytest tests   (the whole suite, pytest's default order; no pytest-flask)
oracle.run_pytest(["tests"])
