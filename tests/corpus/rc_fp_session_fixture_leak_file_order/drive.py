import oracle

# pytest tests   (the whole suite, in pytest's default order: test_bundle_verify.py, then test_certificates.py)
oracle.run_pytest(["tests"])
