import oracle

# python scripts/row_counts.py
oracle.run_script("scripts/row_counts.py")
