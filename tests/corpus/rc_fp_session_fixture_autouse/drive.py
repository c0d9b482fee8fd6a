import oracle

# pytest tests   (no pytest-flask)
oracle.run_pytest(["tests"])
