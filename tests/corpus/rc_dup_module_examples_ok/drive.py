"""Each example is its own program: `python examples/<name>/run.py` puts that script's directory first
on sys.path, so `from app import ...` finds the example's own package. Two packages are both named
`app`, so each run gets its own interpreter (as on the command line)."""

import re
import subprocess
import sys

import oracle


def python(args, cwd="."):
    """Run the venv's python; a child that fails is recorded from its traceback text."""
    proc = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        # the exception line ("RuntimeError: Working outside of ...") and the rest of its message
        raised = list(re.finditer(r"^[A-Za-z_][\w.]*: ", proc.stderr, re.MULTILINE))
        message = proc.stderr[raised[-1].end():] if raised else f"exit status {proc.returncode}"
        oracle.record_text(message, proc.stderr)
    return proc


CHECK_VIEW = "from app import app; r = app.test_client().get('/notes'); assert r.status_code == 200, r.status_code"

for example in ("one", "two"):
    # python examples/<example>/run.py
    python([f"examples/{example}/run.py"])
    # the example's web app (flask --app app run, from its folder)
    python(["-c", CHECK_VIEW], cwd=f"examples/{example}")
