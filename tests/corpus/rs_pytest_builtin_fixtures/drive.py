import oracle

# pytest tests   (the project does not use pytest-flask)
oracle.run_pytest(["tests"])
