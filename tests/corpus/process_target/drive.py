import os
import re
import sys
import tempfile
from pathlib import Path

import oracle

# A multiprocessing child reports an uncaught exception only by printing its traceback to its own
# sys.stderr before exiting with code 1. Give every forked child a stderr file of its own (several
# children fail at once; a shared file would interleave their tracebacks), then turn each printed
# traceback into an observation.
captures = Path(tempfile.mkdtemp())


def _own_stderr() -> None:
    sys.stderr = open(captures / f"{os.getpid()}.err", "w", buffering=1)


os.register_at_fork(after_in_child=_own_stderr)
oracle.run_script("reindex.py")

for capture in sorted(captures.glob("*.err")):
    text = capture.read_text()
    for block in text.split("Traceback (most recent call last):")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        exception_line = next(line for line in lines if re.match(r"^[A-Za-z_][\w.]*(: |$)", line))
        oracle.record_text(exception_line, block)
