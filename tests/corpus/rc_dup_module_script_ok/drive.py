"""`python examples/one/run.py` and `python scripts/create_db.py` each put their own directory first on
sys.path, so the two `from app import init_db` find different modules named `app`. Each runs in its
own interpreter, as on the command line."""

import re
import subprocess
import sys

import oracle


def python(script):
    proc = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raised = list(re.finditer(r"^[A-Za-z_][\w.]*: ", proc.stderr, re.MULTILINE))
        message = proc.stderr[raised[-1].end():] if raised else f"exit status {proc.returncode}"
        oracle.record_text(message, proc.stderr)
    return proc


python("examples/one/run.py")
python("scripts/create_db.py")
