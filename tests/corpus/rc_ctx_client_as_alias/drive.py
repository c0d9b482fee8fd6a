import oracle

# python -m pytest tests
oracle.run_pytest(["tests"])
