import re
import sys
import tempfile

import oracle

# A multiprocessing child reports an uncaught exception only by printing its traceback to its
# own sys.stderr before exiting with code 1. Forked children inherit sys.stderr, so point it at
# a file while the script runs and turn every printed traceback into an observation.
with tempfile.TemporaryFile("w+", buffering=1) as captured:
    real_stderr = sys.stderr
    sys.stderr = captured
    try:
        oracle.run_script("reindex.py")
    finally:
        sys.stderr = real_stderr
    captured.seek(0)
    text = captured.read()

for block in text.split("Traceback (most recent call last):")[1:]:
    lines = [line for line in block.splitlines() if line.strip()]
    exception_line = next(line for line in lines if re.match(r"^[A-Za-z_][\w.]*(: |$)", line))
    oracle.record_text(exception_line, block)
