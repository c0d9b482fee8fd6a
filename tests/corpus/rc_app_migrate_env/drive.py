import os
import sqlite3
import tempfile

import oracle

db_file = os.path.join(tempfile.mkdtemp(), "notes.db")
os.environ["DATABASE_URL"] = f"sqlite:///{db_file}"

from notes import create_app  # noqa: E402

# `flask --app notes db upgrade`: FlaskGroup loads the app and pushes its app context, then
# Flask-Migrate's upgrade() makes alembic execute migrations/env.py.
app = create_app()
result = oracle.cli_result(app.test_cli_runner().invoke(args=["db", "upgrade"]))

# python scripts/db_info.py
oracle.run_script("scripts/db_info.py")

# Flask-Migrate turns a RuntimeError raised in env.py into a logged `sys.exit(1)`: make sure the
# upgrade really ran (a failed one would otherwise look clean).
tables = {row[0] for row in sqlite3.connect(db_file).execute("select name from sqlite_master")}
if result.exit_code != 0 or "note" not in tables:
    raise AssertionError(f"flask db upgrade failed (exit {result.exit_code}): {result.output}")
