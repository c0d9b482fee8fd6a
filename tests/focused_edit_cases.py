"""Edits that stay inside function bodies yet change what other code resolves from them.

Each case: (files, the file edited, its new text). A focused run after the edit must give, for the
edited file, what a whole run of the edited text gives (``test_incremental``). Written in a review
of the focused run's early cutoff (``reach.session.WholeRun.edits_stay_inside``): each is a way in
which a function body feeds other modules (what it passes to calls, spawns and signals, the contexts
around its calls, what it stores on objects, the names a nested function reads).
"""

CASES: dict[str, tuple[dict[str, str], str, str]] = {}

T = "import threading\n"

# 1. callback passed from edited body to another module's function (callers.argument_value)
A1 = '''
import threading
from flask import current_app
from b import helper

def sink_fn():
    return current_app.name

def safe_fn():
    return 1

def job():
    helper(sink_fn)

def start():
    threading.Thread(target=job).start()
'''
CASES["callback_param"] = ({"a.py": A1, "b.py": "def helper(cb):\n    cb()\n"}, "a.py",
                           A1.replace("helper(sink_fn)", "helper(safe_fn)"))
CASES["callback_param_rev"] = ({"a.py": A1.replace("helper(sink_fn)", "helper(safe_fn)"), "b.py": "def helper(cb):\n    cb()\n"}, "a.py", A1)

# 2. instance attribute stored from a local (self.h = made; made = Loud())
A2 = '''
from flask import current_app
class Loud:
    def go(self):
        return current_app.name
class Quiet:
    def go(self):
        return 1
class Svc:
    def __init__(self):
        made = Loud()
        self.h = made
'''
B2 = '''
import threading
from a import Svc
def run():
    Svc().h.go()
def start():
    threading.Thread(target=run).start()
'''
CASES["self_attr_via_local"] = ({"a.py": A2, "b.py": B2}, "a.py", A2.replace("made = Loud()", "made = Quiet()"))
CASES["self_attr_via_local_rev"] = ({"a.py": A2.replace("made = Loud()", "made = Quiet()"), "b.py": B2}, "a.py", A2)

# 3. signal connected in a function body
A3 = '''
from flask import current_app
from blinker import signal
sig = signal("done")

def handler(sender):
    return current_app.name

def other(sender):
    return 1

def setup():
    sig.connect(handler)
'''
B3 = '''
import threading
from a import sig
def run():
    sig.send("x")
def start():
    threading.Thread(target=run).start()
'''
CASES["signal_connect"] = ({"a.py": A3, "b.py": B3}, "a.py", A3.replace("sig.connect(handler)", "sig.connect(other)"))

# 4. thread spawn handing a callback in an edited body (spawned_with)
A4 = '''
import threading
from flask import current_app
from b import runner

def sink_fn():
    return current_app.name

def safe_fn():
    return 1

def start():
    threading.Thread(target=runner, args=(sink_fn,)).start()
'''
CASES["spawn_args_callback"] = ({"a.py": A4, "b.py": "def runner(cb):\n    cb()\n"}, "a.py",
                                A4.replace("args=(sink_fn,)", "args=(safe_fn,)"))

# 5. unittest setUp in a non-test module pushes a context
A5 = '''
import unittest
from flask import Flask, request
app = Flask(__name__)

class Base(unittest.TestCase):
    def setUp(self):
        self.ctx = app.test_request_context()
        self.ctx.push()

    def arg(self):
        return request.args
'''
T5 = '''
from myapp.support import Base
class TestX(Base):
    def test_one(self):
        self.arg()
'''
FILES5 = {"myapp/__init__.py": "", "myapp/support.py": A5.replace("        self.ctx.push()\n", "        self.ctx.pop()\n"),
          "tests/__init__.py": "", "tests/test_x.py": T5}
CASES["unittest_setup_push"] = (FILES5, "myapp/support.py", A5)
FILES5b = dict(FILES5); FILES5b["myapp/support.py"] = A5
CASES["unittest_setup_push_removed"] = (FILES5b, "myapp/support.py", A5.replace("        self.ctx.push()\n", "        self.ctx.pop()\n"))


# 6. stored-state certainty: helper's param resolves to g via callers; one caller is in the edited body
A6 = '''
from flask import g, current_app
from b import helper

def sink_fn():
    return current_app.name

def other():
    helper(g)
'''
B6 = '''
def helper(gg):
    if hasattr(gg, "user"):
        from a import sink_fn
        sink_fn()
'''
C6 = '''
import threading
from flask import g
from b import helper
def run():
    helper(g)
def start():
    threading.Thread(target=run).start()
'''
CASES["stored_state_param"] = ({"a.py": A6, "b.py": B6, "c.py": C6}, "a.py", A6.replace("    helper(g)", "    helper(None)"))
CASES["stored_state_param_rev"] = ({"a.py": A6.replace("    helper(g)", "    helper(None)"), "b.py": B6, "c.py": C6}, "a.py", A6)

# 7. Celery ContextTask.__call__ with app_context removed; task in another module
A7 = '''
from celery import Celery
from flask import Flask, current_app
app = Flask(__name__)

def make_celery(app):
    celery = Celery(app.import_name)
    class ContextTask(celery.Task):
        def __call__(self, *args, **kwargs):
            with app.app_context():
                return self.run(*args, **kwargs)
    celery.Task = ContextTask
    return celery

celery = make_celery(app)

def sink_fn():
    return current_app.name
'''
B7 = '''
from a import celery, sink_fn
@celery.task
def work():
    sink_fn()
'''
A7b = A7.replace("            with app.app_context():\n                return", "            if app:\n                return")
CASES["celery_call_with_removed"] = ({"a.py": A7, "b.py": B7}, "a.py", A7b)
CASES["celery_call_with_added"] = ({"a.py": A7b, "b.py": B7}, "a.py", A7)

# 8. noqa added on the sink line in the edited file
A8 = '''
import threading
from flask import current_app

def work():
    return current_app.name

def start():
    threading.Thread(target=work).start()
'''
CASES["noqa_sink_line"] = ({"a.py": A8}, "a.py", A8.replace("current_app.name", "current_app.name  # noqa: FCX101"))
B8 = '''
import threading
from a import work
def start():
    threading.Thread(target=work).start()
'''
A8b = "from flask import current_app\n\ndef work():\n    return current_app.name\n"
CASES["noqa_sink_line_other_root"] = ({"a.py": A8b, "b.py": B8}, "a.py", A8b.replace("current_app.name", "current_app.name  # noqa: FCX101"))

# 9. click cli() invoked inside app_context in an edited body
A9 = '''
from flask import Flask, current_app
from b import cli
app = Flask(__name__)

def show():
    return current_app.name

def main():
    with app.app_context():
        cli()
'''
B9 = '''
import click
@click.group()
def cli():
    pass

@cli.command()
def cmd():
    from a import show
    show()
'''
A9b = A9.replace("    with app.app_context():\n        cli()", "    if app:\n        cli()")
CASES["cli_invoked_in_context_removed"] = ({"a.py": A9, "b.py": B9}, "a.py", A9b)
CASES["cli_invoked_in_context_added"] = ({"a.py": A9b, "b.py": B9}, "a.py", A9)

# 10. stream helper: nested generator stops iterating the parameter
A10 = '''
from flask import Response, request

def json_stream(rows):
    def gen():
        for r in rows:
            yield r
    return Response(gen())

def sink_fn():
    return request.args
'''
B10 = '''
from flask import Flask
from a import json_stream, sink_fn
app = Flask(__name__)

def rows():
    sink_fn()
    yield 1

@app.route("/")
def view():
    return json_stream(rows())
'''
A10b = A10.replace("        for r in rows:\n", "        for r in [1]:\n")
CASES["stream_helper_nested_refs"] = ({"a.py": A10, "b.py": B10}, "a.py", A10b)
CASES["stream_helper_nested_refs_rev"] = ({"a.py": A10b, "b.py": B10}, "a.py", A10)

# 11. always raises (summary flag) -- expected to hold
A11 = '''
from flask import current_app

def check():
    raise RuntimeError("x")

def sink_fn():
    return current_app.name
'''
B11 = '''
import threading
from a import check, sink_fn
def run():
    check()
    sink_fn()
def start():
    threading.Thread(target=run).start()
'''
CASES["always_raises"] = ({"a.py": A11, "b.py": B11}, "a.py", A11.replace('raise RuntimeError("x")', 'print("x")'))
CASES["always_raises_rev"] = ({"a.py": A11.replace('raise RuntimeError("x")', 'print("x")'), "b.py": B11}, "a.py", A11)


# 12. constant-argument certainty: NOT_NONE from callers' agreement (one caller in the edited body)
A12 = '''
from flask import current_app
from b import helper, Foo

def sink_fn(x):
    if x is None:
        return current_app.name

def other():
    helper(Foo())
'''
B12 = '''
class Foo:
    pass

def helper(x):
    from a import sink_fn
    sink_fn(x)
'''
C12 = '''
import threading
from b import helper, Foo
def run():
    helper(Foo())
def start():
    threading.Thread(target=run).start()
'''
CASES["const_arg_callers"] = ({"a.py": A12, "b.py": B12, "c.py": C12}, "a.py", A12.replace("helper(Foo())", "helper(None)"))
CASES["const_arg_callers_rev"] = ({"a.py": A12.replace("helper(Foo())", "helper(None)"), "b.py": B12, "c.py": C12}, "a.py", A12)

# 13. jedi: module-level list filled by append() in a function body
A13 = '''
from flask import current_app
class Loud:
    def go(self):
        return current_app.name
class Quiet:
    def go(self):
        return 1
REG = []
def register():
    REG.append(Loud())
'''
B13 = '''
import threading
from a import REG
def run():
    for h in REG:
        h.go()
def start():
    threading.Thread(target=run).start()
'''
CASES["jedi_list_append"] = ({"a.py": A13, "b.py": B13}, "a.py", A13.replace("REG.append(Loud())", "REG.append(Quiet())"))

# 14. a URL rule added in a factory body: removing it (registrations kept until the whole run)
A14 = '''
from flask import Flask, request
from b import view

def sink_fn():
    return request.args

def create_app():
    app = Flask(__name__)
    app.add_url_rule("/", view_func=view)
    return app
'''
B14 = '''
from flask import Response

def rows():
    from a import sink_fn
    sink_fn()
    yield 1

def view():
    return Response(rows())
'''
CASES["url_rule_removed"] = ({"a.py": A14, "b.py": B14}, "a.py", A14.replace('app.add_url_rule("/", view_func=view)', 'app.add_url_rule("/", view_func=None)'))

# 15. class attribute stored from a local in setUpClass, entered with `with self.ctx:` by tests
A15 = '''
import unittest
from flask import Flask, request
app = Flask(__name__)

class Base(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        c = app.test_request_context()
        cls.ctx = c

    def arg(self):
        return request.args
'''
T15 = '''
from myapp.support import Base
class TestX(Base):
    def test_one(self):
        with self.ctx:
            self.arg()
'''
A15b = A15.replace("c = app.test_request_context()", "c = app.app_context()")
CASES["with_self_ctx_via_local"] = ({"myapp/__init__.py": "", "myapp/support.py": A15b, "tests/__init__.py": "", "tests/test_x.py": T15}, "myapp/support.py", A15)

# 16. global assigned in a function body (expected to hold: the resolver does not read it)
A16 = '''
from flask import current_app
class Loud:
    def go(self):
        return current_app.name
class Quiet:
    def go(self):
        return 1
h = None
def init():
    global h
    h = Loud()
'''
B16 = '''
import threading
import a
def run():
    a.h.go()
def start():
    threading.Thread(target=run).start()
'''
CASES["global_in_body"] = ({"a.py": A16, "b.py": B16}, "a.py", A16.replace("h = Loud()", "h = Quiet()"))

# 17. construction in an edited body passing a callback to another module's __init__
A17 = '''
import threading
from flask import current_app
from b import Worker

def sink_fn():
    return current_app.name

def safe_fn():
    return 1

def job():
    Worker(sink_fn).run()

def start():
    threading.Thread(target=job).start()
'''
B17 = '''
class Worker:
    def __init__(self, cb):
        self.cb = cb
    def run(self):
        self.cb()
'''
CASES["constructor_callback"] = ({"a.py": A17, "b.py": B17}, "a.py", A17.replace("Worker(sink_fn)", "Worker(safe_fn)"))

# 18. property getter returning a local (expected to hold: returned locals are in the interface)
A18 = '''
from flask import current_app
class Loud:
    def go(self):
        return current_app.name
class Quiet:
    def go(self):
        return 1
class Svc:
    @property
    def h(self):
        made = Loud()
        return made
'''
CASES["property_return_local"] = ({"a.py": A18, "b.py": B2 if False else '''
import threading
from a import Svc
def run():
    Svc().h.go()
def start():
    threading.Thread(target=run).start()
'''}, "a.py", A18.replace("made = Loud()", "made = Quiet()"))


# 19. certainty kept for a nested function whose text did not change, though the enclosing
#     function's binding it reads (gg = g) did
A19 = '''
import threading
from flask import g, current_app

def outer():
    gg = g
    def inner():
        if hasattr(gg, "user"):
            return current_app.name
    return inner

def start():
    threading.Thread(target=outer()).start()
'''
CASES["closure_binding_certainty"] = ({"a.py": A19}, "a.py", A19.replace("gg = g\n", "gg = start\n"))
CASES["closure_binding_certainty_rev"] = ({"a.py": A19.replace("gg = g\n", "gg = start\n")}, "a.py", A19)
# 20. executor.submit handing a callback (AFTER_TARGET style)
A20 = '''
from concurrent.futures import ThreadPoolExecutor
from flask import current_app
from b import runner
ex = ThreadPoolExecutor()

def sink_fn():
    return current_app.name

def safe_fn():
    return 1

def start():
    ex.submit(runner, sink_fn)
'''
CASES["executor_submit_callback"] = ({"a.py": A20, "b.py": "def runner(cb):\n    cb()\n"}, "a.py", A20.replace("ex.submit(runner, sink_fn)", "ex.submit(runner, safe_fn)"))


A21 = '''
import threading
from flask import current_app

def work():
    return current_app.name

def start():
    threading.Thread(target=work).start()
'''
CASES["noqa_root_line"] = ({"a.py": A21, "b.py": "import threading\nfrom a import work\ndef go():\n    threading.Thread(target=work).start()\n"}, "a.py",
                           A21.replace("threading.Thread(target=work).start()", "threading.Thread(target=work).start()  # noqa: FCX101"))
# decorator applied by a call in an edited body (decorated_by / callers of the decorator)
A22 = '''
import threading
from flask import current_app
from b import background

def sink_fn():
    return current_app.name

def safe_fn():
    return 1

def setup():
    background(sink_fn)
'''
B22 = '''
import threading
def background(f):
    def wrapper():
        f()
    threading.Thread(target=wrapper).start()
    return wrapper
'''
CASES["decorator_called_in_body"] = ({"a.py": A22, "b.py": B22}, "a.py", A22.replace("background(sink_fn)", "background(safe_fn)"))
