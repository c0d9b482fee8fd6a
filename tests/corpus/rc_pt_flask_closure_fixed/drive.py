import oracle

# pytest tests   (pytest-flask is installed: requirements-dev.txt)
oracle.run_pytest(["tests"], pytest_flask=True)
