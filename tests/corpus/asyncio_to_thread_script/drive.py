import oracle

oracle.run_script("refresh_flags.py")
