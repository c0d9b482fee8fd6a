"""What flaskscope asks jedi, and how its budget bounds a run, through the real CLI.

jedi is asked about a call the indexes leave unknown only when its answer could add a finding:
some workspace function of the called name may need more context than the call has. A run gives
jedi a time budget; after the first questions (always asked, so small projects get the same
answers on any machine) what is left is not asked, and ``check --statistics`` says how many.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from flaskscope.resolve.jedi_fallback import JediBudget, JediFallback
from flaskscope.resolve.jedi_process import JediProcess

SENDER = '''from flask import current_app


class Sender:
    def send(self, text):
        return current_app.config["PREFIX"] + text
'''


def _write(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _jedi_statistics(project: Path) -> dict:
    proc = subprocess.run([sys.executable, "-m", "flaskscope", "check", "--statistics", "--format", "json", "."],
                          cwd=project, capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    return json.loads(proc.stdout)["jedi"]


def test_calls_on_unknown_objects_in_a_thread_are_asked(tmp_path: Path) -> None:
    _write(tmp_path, {"app/__init__.py": "", "app/sender.py": SENDER, "app/work.py": '''import threading


def deliver(sender):
    sender.send("hi")


def start(sender):
    threading.Thread(target=deliver, args=(sender,)).start()
'''})
    jedi = _jedi_statistics(tmp_path)
    assert jedi["asked"] == 1 and jedi["unasked"] == 0, jedi


def test_a_call_that_cannot_need_more_context_than_it_has_is_not_asked(tmp_path: Path) -> None:
    # The command runs with an app context, and every ``send`` in the project needs only that.
    _write(tmp_path, {"app/__init__.py": "", "app/sender.py": SENDER, "app/commands.py": '''import click
from flask.cli import with_appcontext


@click.command("notify")
@with_appcontext
def notify(sender=None):
    sender.send("hi")
'''})
    assert _jedi_statistics(tmp_path)["asked"] == 0


def test_a_test_client_call_named_like_a_view_method_is_not_asked(tmp_path: Path) -> None:
    # ``client.get`` shares its name with the view's ``get``; Flask runs that inside a request.
    _write(tmp_path, {"app/__init__.py": '''from flask import Flask, request
from flask.views import MethodView


class Items(MethodView):
    def get(self):
        return request.args["q"]


def create_app():
    app = Flask(__name__)
    app.add_url_rule("/items", view_func=Items.as_view("items"))
    return app
''', "tests/test_items.py": '''from app import create_app


def test_items():
    client = create_app().test_client()
    assert client.get("/items?q=1").status_code == 200
'''})
    assert _jedi_statistics(tmp_path)["asked"] == 0


def test_questions_beyond_the_budget_are_left_unasked_and_counted(tmp_path: Path) -> None:
    free = JediBudget(0.0).free_questions
    calls = free + 5
    body = "".join(f"    sender.send({i})\n" for i in range(calls))
    files = {"app/__init__.py": "", "app/sender.py": SENDER, "app/work.py": f'''import threading


def deliver(sender):
{body}

def start(sender):
    threading.Thread(target=deliver, args=(sender,)).start()
'''}
    _write(tmp_path, files)
    (tmp_path / "pyproject.toml").write_text("[tool.flaskscope]\njedi-budget = 600\n", encoding="utf-8")
    unlimited = _jedi_statistics(tmp_path)
    assert unlimited["asked"] == calls and unlimited["unasked"] == 0, unlimited
    (tmp_path / "pyproject.toml").write_text("[tool.flaskscope]\njedi-budget = 0\n", encoding="utf-8")
    bounded = _jedi_statistics(tmp_path)
    assert bounded["asked"] == free and bounded["unasked"] == calls - free and bounded["budget"] == 0, bounded


def test_a_bad_budget_is_reported_with_the_key(tmp_path: Path) -> None:
    _write(tmp_path, {"app.py": "x = 1\n", "pyproject.toml": '[tool.flaskscope]\njedi-budget = "fast"\n'})
    proc = subprocess.run([sys.executable, "-m", "flaskscope", "check", "."], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "jedi-budget" in proc.stderr and "seconds" in proc.stderr, proc.stderr


def test_a_question_past_its_deadline_stops_jedi_instead_of_waiting(tmp_path: Path) -> None:
    """jedi's own process, asked with a deadline it cannot meet (it is still loading jedi and Flask):
    the answer is 'none in time', at once, and the process is gone; a new one answers in full."""
    source = SENDER + "\n\ndef use(sender):\n    return Sender().send('x')\n"
    (tmp_path / "sender.py").write_text(source, encoding="utf-8")
    late = JediProcess(tmp_path)
    started = time.perf_counter()
    assert late.ask(tmp_path / "sender.py", source, 10, 21, timeout=0.01) is None
    assert time.perf_counter() - started < 2 and not late.alive
    patient = JediProcess(tmp_path)
    try:
        answer = patient.ask(tmp_path / "sender.py", source, 10, 21, timeout=None)
        assert answer is not None and any(line == 5 for _, line in answer), answer
    finally:
        patient.stop()


def test_after_running_out_of_time_jedi_is_started_again_by_a_whole_run_only(tmp_path: Path) -> None:
    """A focused run (one per edit in the editor) does not restart a jedi its whole run stopped for
    time: every keystroke would otherwise wait out another warm-up. The next whole run starts it."""
    source = SENDER + "\n\ndef use(sender):\n    return Sender().send('x')\n"
    (tmp_path / "sender.py").write_text(source, encoding="utf-8")
    path = (tmp_path / "sender.py").resolve()
    jedi = JediFallback(tmp_path, [])
    jedi.reset([], JediBudget(0.01, free_questions=0))
    assert jedi.targets(path, source, 10, 21) == () and jedi.queries == 1 and jedi.unasked  # cut short
    jedi.start_run(JediBudget(600.0, free_questions=0))  # a focused run, with time to spare
    assert jedi.targets(path, source, 10, 22) == () and jedi.queries == 0 and jedi.unasked  # not asked
    jedi.reset([], JediBudget(600.0, free_questions=0))  # a whole run
    jedi.targets(path, source, 10, 22)
    assert jedi.queries == 1 and not jedi.unasked
