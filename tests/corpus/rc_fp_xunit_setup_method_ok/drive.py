import oracle

# python -m pytest tests   (xunit-style test classes, no pytest-flask)
oracle.run_pytest(["tests"])
