import oracle

# python -m pytest tests   (unittest-style test cases collected by pytest)
oracle.run_pytest(["tests"])
