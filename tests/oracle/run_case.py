"""Run one corpus case's ``drive.py`` with real Flask and write what it observed as JSON.

Usage: python run_case.py CASE_DIR OUTPUT_JSON

The case's ``project/`` directory becomes the working directory and the first entry of
``sys.path``, exactly as if the user ran their code from the project root.
"""

from __future__ import annotations

import atexit
import os
import runpy
import sys
from pathlib import Path


def main() -> int:
    case_dir = Path(sys.argv[1]).resolve()
    output = sys.argv[2]
    project = case_dir / "project"
    os.environ["FLASKSCOPE_ORACLE_PROJECT"] = str(project)
    os.chdir(project)
    sys.path.insert(0, str(project))
    sys.path.insert(1, str(Path(__file__).resolve().parent))

    import oracle  # after the environment is set: it reads the project dir at import

    oracle.install_hooks()
    oracle.observe(runpy.run_path, str(case_dir / "drive.py"), run_name="__drive__")
    oracle.wait_threads()
    # atexit callbacks report through sys.unraisablehook; run them before dumping.
    atexit._run_exitfuncs()
    oracle.dump(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
