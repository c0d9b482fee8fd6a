import oracle

# pytest tests   (tests/conftest.py and tests/api/conftest.py; the project does not use pytest-flask)
oracle.run_pytest(["tests"])
