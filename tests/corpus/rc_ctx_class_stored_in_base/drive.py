import oracle

# python -m pytest tests   (unittest-style cases whose base stores an app context on the class)
oracle.run_pytest(["tests"])
