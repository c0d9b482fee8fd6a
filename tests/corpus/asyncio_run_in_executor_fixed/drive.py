import oracle

oracle.run_script("warm_cache.py")
