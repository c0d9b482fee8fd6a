import oracle

# pytest tests   (the whole suite, in pytest's default order: test_certificates.py, then test_verify.py)
oracle.run_pytest(["tests"])
