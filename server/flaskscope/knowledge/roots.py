"""Where execution starts without the context of the code that set it up.

Three shapes:
- ``CallRoot``: a call that hands a callable to something that runs it later, elsewhere
  (``Thread(target=f)``, ``executor.submit(f)``, ``scheduler.add_job(f)``);
- ``DecoratorRoot``: a decorator that registers the function to be run by a worker, a
  scheduler, a test runner or a command line;
- ``ClassRoot``: a method the framework calls on a subclass (``Thread.run``, ``Filter.filter``).
Module bodies (import time) and ``if __name__ == "__main__":`` blocks are roots too; the index
finds them without a table.

``level`` is the context the root enters with. ``CELERY`` marks Celery entry points whose
level depends on the project's task base class (see ``reach.celery_levels``).
"""

from __future__ import annotations

from dataclasses import dataclass

from flaskscope.levels import Level

CELERY = "celery"  # level decided by the project's Celery configuration
# ``Celery(task_cls=FlaskTask)``: the app class and the keyword that installs the project's task base.
CELERY_APP_CLASS = "celery.Celery"
CELERY_TASK_CLASS_KEYWORD = "task_cls"


# Roots that run in the process that started them, sharing its objects (the running app among
# them): a thread, an executor's worker thread, a greenlet.
SAME_PROCESS_ROOT_KINDS = frozenset({"thread", "executor", "greenlet"})


# Roots that serve no request and run where none could be supplied (a worker, a scheduler, a
# ``flask`` command): request data read there has no request to come from.
REQUEST_LESS_ROOT_KINDS = frozenset({"celery-task", "celery-signal", "rq-job", "dramatiq-actor", "huey-task",
                                     "scheduler-job", "click-command"})


@dataclass(frozen=True)
class CallRoot:
    callee: str
    kind: str
    position: int | None
    keyword: str | None
    what: str  # how the message names it: "a thread", "an executor"
    level: Level = Level.NONE  # the context the target runs in (most run in none)


@dataclass(frozen=True)
class DecoratorRoot:
    decorator: str
    kind: str
    what: str
    level: Level | str = Level.NONE


@dataclass(frozen=True)
class ClassRoot:
    base: str
    method: str
    kind: str
    what: str
    level: Level | str = Level.NONE


_SIGNALS = (
    "before_task_publish", "after_task_publish", "task_prerun", "task_postrun", "task_success",
    "task_failure", "task_retry", "task_revoked", "task_received", "task_rejected",
    "task_unknown", "worker_ready", "worker_init", "worker_process_init", "worker_shutdown",
    "celeryd_init", "beat_init",
)

CALL_ROOTS: tuple[CallRoot, ...] = (
    CallRoot("threading.Thread", "thread", 1, "target", "a thread"),
    CallRoot("threading.Timer", "thread", 1, "function", "a timer thread"),
    CallRoot("concurrent.futures.Executor.submit", "executor", 0, "fn", "an executor"),
    CallRoot("concurrent.futures.Executor.map", "executor", 0, "fn", "an executor"),
    CallRoot("asyncio.AbstractEventLoop.run_in_executor", "executor", 1, "func", "an executor"),
    CallRoot("multiprocessing.Process", "process", 1, "target", "a child process"),
    CallRoot("multiprocessing.Pool.apply", "process", 0, "func", "a process pool"),
    CallRoot("multiprocessing.Pool.apply_async", "process", 0, "func", "a process pool"),
    CallRoot("multiprocessing.Pool.map", "process", 0, "func", "a process pool"),
    CallRoot("multiprocessing.Pool.map_async", "process", 0, "func", "a process pool"),
    CallRoot("multiprocessing.Pool.imap", "process", 0, "func", "a process pool"),
    CallRoot("multiprocessing.Pool.imap_unordered", "process", 0, "func", "a process pool"),
    CallRoot("multiprocessing.Pool.starmap", "process", 0, "func", "a process pool"),
    CallRoot("gevent.spawn", "greenlet", 0, None, "a greenlet"),
    CallRoot("gevent.spawn_later", "greenlet", 1, None, "a greenlet"),
    CallRoot("gevent.Greenlet", "greenlet", 0, "run", "a greenlet"),
    CallRoot("eventlet.spawn", "greenlet", 0, None, "a greenlet"),
    CallRoot("eventlet.spawn_n", "greenlet", 0, None, "a greenlet"),
    CallRoot("flask_socketio.SocketIO.start_background_task", "thread", 0, "target", "a background task"),
    CallRoot("atexit.register", "atexit", 0, "func", "an atexit handler"),
    CallRoot("flask.Flask.teardown_appcontext", "app-teardown", 0, "f", "an app-context teardown callback", Level.APP),
    CallRoot("signal.signal", "signal", 1, "handler", "a signal handler"),
    CallRoot("apscheduler.BaseScheduler.add_job", "scheduler-job", 0, "func", "a scheduled job"),
    CallRoot("flask_apscheduler.APScheduler.add_job", "scheduler-job", 1, "func", "a scheduled job"),
    CallRoot("rq.Queue.enqueue", "rq-job", 0, "f", "an RQ job"),
    CallRoot("rq.Queue.enqueue_call", "rq-job", 0, "func", "an RQ job"),
    CallRoot("rq.Queue.enqueue_in", "rq-job", 1, "func", "an RQ job"),
    CallRoot("rq.Queue.enqueue_at", "rq-job", 1, "f", "an RQ job"),
    *(CallRoot(f"celery.signals.{s}.connect", "celery-signal", 0, "receiver", "a Celery signal handler")
      for s in _SIGNALS),
)

# Calls that run a callable argument elsewhere but *with the caller's context*: contextvars are
# copied (observed: ``asyncio.to_thread`` inside a pushed context sees it). They are call edges,
# not roots: (position, keyword) of the callable.
INHERITING_CALLS: dict[str, tuple[int, str | None]] = {
    "asyncio.to_thread": (0, "func"),
    "contextvars.Context.run": (0, None),
    # ``app.test_cli_runner().invoke(cmd)`` runs the command's callback in the test's own context:
    # FlaskCliRunner pushes none (a plain click command raises there; an ``app.cli.command`` pushes
    # its own through ``with_appcontext``). Observed: tests/corpus/click_runner_invoke.
    "click.testing.CliRunner.invoke": (0, "cli"),
}

# ``runner.invoke(args=["seed-db"])``: with no command (FlaskCliRunner then uses ``app.cli``) or with
# ``app.cli`` itself, the command is looked up by name among those registered on the app's CLI:
# callee -> (position, keyword) of the arguments (a string or a list whose first item is the name).
COMMAND_BY_NAME_CALLS: dict[str, tuple[int, str]] = {
    "click.testing.CliRunner.invoke": (1, "args"),
}
CLI_GROUP_CLASS = "flask.cli.AppGroup"  # what ``app.cli`` is

# A command's default name is its function's, lowercased with dashes; click 8.2+ also drops one of
# these suffixes (``seed_db_command`` is ``seed-db``). Both spellings are recognised.
CLICK_NAME_SUFFIXES: frozenset[str] = frozenset({"command", "cmd", "group", "grp"})

# Methods distinctive enough to recognise when the receiver cannot be resolved (a queue kept on
# ``current_app.task_queue``): ``<anything>.enqueue(job_function, ...)`` runs the job in a worker.
UNRESOLVED_METHOD_ROOTS: dict[str, CallRoot] = {
    root.callee.rsplit(".", 1)[1]: root
    for root in CALL_ROOTS
    if root.callee.startswith("rq.Queue.")
}

# Spawners that also take the job as text, imported by the worker when it runs it:
# ``queue.enqueue("pkg.tasks.export", ...)`` (RQ: a dotted path), ``scheduler.add_job("pkg.jobs:nightly")``
# (APScheduler: ``module:function``). Resolved against the workspace's modules.
TEXTUAL_TARGET_CALLS: frozenset[str] = frozenset(
    root.callee for root in CALL_ROOTS
    if root.callee.startswith(("rq.Queue.", "apscheduler.", "flask_apscheduler.")))

# Running an RQ worker in the project's own code (a ``flask rq-worker`` command): started inside an
# app context, the jobs it runs (in the process, or in a fork of it) have that context.
RQ_WORKER_RUNS: frozenset[str] = frozenset({
    "rq.Worker.work", "rq.SimpleWorker.work", "rq.worker.Worker.work", "rq.worker.SimpleWorker.work"})
RQ_JOB_KIND = "rq-job"

# Flask-APScheduler reads jobs from the app's ``JOBS`` configuration, each a dict whose ``func``
# names the function as ``module:function``; it runs them without an app context.
CONFIGURED_JOBS_SETTING = "JOBS"
CONFIGURED_JOB_FUNCTION_KEY = "func"
CONFIGURED_JOBS_LIBRARY = "flask_apscheduler"

DECORATOR_ROOTS: tuple[DecoratorRoot, ...] = (
    DecoratorRoot("celery.shared_task", "celery-task", "a Celery task", CELERY),
    DecoratorRoot("celery.Celery.task", "celery-task", "a Celery task", CELERY),
    *(DecoratorRoot(f"celery.signals.{s}.connect", "celery-signal", "a Celery signal handler") for s in _SIGNALS),
    DecoratorRoot("rq.job", "rq-job", "an RQ job"),
    DecoratorRoot("dramatiq.actor", "dramatiq-actor", "a Dramatiq actor"),
    DecoratorRoot("huey.Huey.task", "huey-task", "a Huey task"),
    DecoratorRoot("huey.Huey.periodic_task", "huey-task", "a Huey task"),
    DecoratorRoot("huey.Huey.on_startup", "huey-task", "a Huey hook"),
    DecoratorRoot("apscheduler.BaseScheduler.scheduled_job", "scheduler-job", "a scheduled job"),
    DecoratorRoot("flask_apscheduler.APScheduler.task", "scheduler-job", "a scheduled job"),
    DecoratorRoot("click.command", "click-command", "a click command"),
    DecoratorRoot("click.Group.command", "click-command", "a click command"),
    DecoratorRoot("flask.cli.AppGroup.command", "click-command", "a Flask CLI command", Level.APP),
    # Called while the application context is popped: after the request context is gone, in requests too.
    DecoratorRoot("flask.Flask.teardown_appcontext", "app-teardown", "an app-context teardown callback", Level.APP),
    DecoratorRoot("flask.cli.with_appcontext", "click-command", "a Flask CLI command", Level.APP),
    DecoratorRoot("flask_socketio.SocketIO.on", "view", "a Socket.IO handler", Level.REQUEST),
    DecoratorRoot("flask_socketio.SocketIO.event", "view", "a Socket.IO handler", Level.REQUEST),
)

CLASS_ROOTS: tuple[ClassRoot, ...] = (
    ClassRoot("threading.Thread", "run", "thread", "a thread"),
    ClassRoot("celery.Task", "run", "celery-task", "a Celery task", Level.NONE),
    ClassRoot("celery.Celery.Task", "run", "celery-task", "a Celery task", CELERY),
    ClassRoot("logging.Filter", "filter", "logging", "a logging filter"),
    ClassRoot("logging.Formatter", "format", "logging", "a logging formatter"),
    ClassRoot("logging.Handler", "emit", "logging", "a logging handler"),
)

# A class with ``__call__(self, environ, start_response)`` wraps the WSGI app: it runs
# before Flask pushes any context.
WSGI_CALL_PARAMS = ("environ", "start_response")

# Decorators whose function runs inside a request (views, request hooks) or an app context.
VIEW_DECORATORS: dict[str, Level] = {
    **{f"flask.Flask.{m}": Level.REQUEST for m in (
        "route", "get", "post", "put", "delete", "patch", "before_request", "after_request",
        "teardown_request", "errorhandler", "before_app_request", "after_app_request",
        "teardown_app_request", "app_errorhandler", "url_value_preprocessor", "url_defaults",
        "context_processor", "app_context_processor",
    )},
    "flask.Flask.teardown_appcontext": Level.APP,
    "flask.Flask.shell_context_processor": Level.APP,
}

# Methods of these base classes are views. The REST extensions' resources are MethodViews
# (Flask dispatches their ``get``/``post`` inside the request).
VIEW_BASES: tuple[str, ...] = (
    "flask.views.MethodView", "flask.views.View", "flask.MethodView", "flask.View",
    "flask_restx.Resource", "flask_restx.resource.Resource", "flask_restful.Resource",
    "flask_restplus.Resource", "flask_restplus.resource.Resource",
)

# A module whose top level makes one of these is an entry point servers and workers load by name
# (``gunicorn wsgi:app``, ``celery -A pkg.worker``): its body runs on its own import, whoever else
# imports it inside functions (``reach.import_sites``).
APPLICATION_OBJECTS: frozenset[str] = frozenset({"flask.Flask", "celery.Celery"})  # canonical names
# Roots that are one run with fixed inputs (a test): a finding from one must be on the path that run
# takes, not on any path it could take (``reach.branches.runs_only_if``).
ONE_RUN_ROOT_KINDS: frozenset[str] = frozenset({"pytest"})
# A module inside a package that nothing in the workspace imports runs only if something outside loads
# it: these names are what servers, workers and tools load (``gunicorn pkg.wsgi:app``, ``python -m
# pkg.manage``); any other such module may be dead code, or loaded by a plugin system in a context not
# known, so what it imports is not known to run without one.
ENTRY_MODULE_NAMES: frozenset[str] = frozenset({
    "__main__", "app", "application", "asgi", "celery", "celery_app", "celery_worker", "cli", "main", "manage",
    "run", "scheduler", "server", "serve", "tasks", "worker", "wsgi",
})

# What a view's ``return`` does with a generator it calls (``return Response(rows())``): Flask
# iterates a response body after the view returned and its contexts were popped, so the generator
# is a streamed-response root when every call around it, innermost first, leaves it unconsumed:
# calls that make a response streaming their argument, and lazy iterator wrappers. Any other
# library call (``list``, ``"".join``, ``jsonify``, ``render_template``, ``sum``) iterates it inside
# the view; a project function around it may wrap it in ``stream_with_context`` itself (a gap).
STREAMING_RESPONSES: frozenset[str] = frozenset({
    "flask.Response", "flask.make_response",  # canonical: ``flask.wrappers.Response`` is ``flask.Response``
    "werkzeug.Response", "werkzeug.wrappers.Response", "werkzeug.wrappers.response.Response",
    "flask.Flask.response_class",
})
LAZY_ITERATORS: frozenset[str] = frozenset({
    "builtins.map", "builtins.filter", "builtins.zip", "builtins.enumerate", "builtins.iter",
    "itertools.chain", "itertools.chain.from_iterable", "itertools.islice", "itertools.starmap",
    "itertools.takewhile", "itertools.dropwhile", "itertools.filterfalse", "itertools.zip_longest",
    "itertools.accumulate", "itertools.compress",
})

# Methods that register a view function given as an argument.
VIEW_REGISTRARS: dict[str, tuple[int, str]] = {
    "flask.Flask.add_url_rule": (2, "view_func"),
}

# Registering a plain click command on ``app.cli`` runs it with an app context under
# ``flask <cmd>`` (FlaskGroup pushes while looking the command up; research §3.2).
APP_CLI_REGISTRARS: frozenset[str] = frozenset({"flask.cli.AppGroup.add_command"})

# Calls on a task that run it elsewhere: no call edge from the caller into the task body.
DEFERRED_INVOCATIONS: frozenset[str] = frozenset({
    "delay", "apply_async", "s", "si", "signature", "send", "send_with_options", "schedule",
    "enqueue", "call_local",
})

# Library classes whose construction does not run ``__init__``: a wtforms field written as
# ``RegionField(...)`` (in a form's class body, usually) is an ``UnboundField`` until a form is built
# and binds it, passing ``_form=``. (package prefix, class-name suffix of the library base, the
# keyword that makes the construction run ``__init__`` at once.)
UNBOUND_CONSTRUCTIONS: tuple[tuple[str, str, str], ...] = (
    ("wtforms.", "Field", "_form"),
    ("flask_wtf.", "Field", "_form"),
)

# Alembic migration scripts (``migrations/env.py``, ``migrations/versions/*.py``) are loaded by
# ``flask db ...``, which Flask-Migrate runs inside the app context (its commands are
# ``with_appcontext``): a module importing one of these, in a project using Flask-Migrate, starts there.
MIGRATION_IMPORTS: frozenset[str] = frozenset({"alembic", "alembic.context", "alembic.op"})
MIGRATION_LIBRARY = "flask_migrate"
PROCESS_KIND = "process"  # forked children inherit the context of the thread that started them
MIGRATION_REVISION_GLOBALS: tuple[str, ...] = ("revision", "down_revision")

# ``@with_appcontext`` on a click group: since Flask 2.2 the context it pushes stays active for the
# group's subcommands (flask/cli.py, ``with_appcontext``, "versionchanged 2.2"); before, only for the
# group's own callback. The project's pinned Flask version decides; no pin leaves it a gap.
GROUP_CONTEXT_SINCE = (2, 2)
GROUP_COMMAND_DECORATORS: frozenset[str] = frozenset({"click.Group.command", "flask.cli.AppGroup.command"})


# How a spawner hands arguments to the callable it starts, by the spawner's canonical name: what the
# resolver reads a target's parameters from, and how a fix passes one more (the app).
ARGS_KEYWORD = "args-keyword"  # Thread(target=f, args=(...))
AFTER_TARGET = "after-target"  # executor.submit(f, *args)
PARTIAL = "partial"  # executor.map(f, items): bind it with functools.partial
SPAWN_ARGUMENT_STYLE: dict[str, str] = {
    "threading.Thread": ARGS_KEYWORD,
    "threading.Timer": ARGS_KEYWORD,
    "multiprocessing.Process": ARGS_KEYWORD,
    "concurrent.futures.Executor.submit": AFTER_TARGET,
    "concurrent.futures.Executor.map": PARTIAL,
    "asyncio.AbstractEventLoop.run_in_executor": AFTER_TARGET,
    "gevent.spawn": AFTER_TARGET,
    "eventlet.spawn": AFTER_TARGET,
    "flask_socketio.SocketIO.start_background_task": AFTER_TARGET,
    "apscheduler.BaseScheduler.add_job": ARGS_KEYWORD,
    "flask_apscheduler.APScheduler.add_job": ARGS_KEYWORD,
    "atexit.register": AFTER_TARGET,
}


# Why an entry point of each kind starts without the context a finding needs: what the hover says
# instead of repeating the diagnostic (which already names the entry point).
WHY_NO_CONTEXT: dict[str, str] = {
    "thread": "A new thread starts with empty context stacks: the context of the code that started it stays "
              "in that code's thread.",
    "executor": "An executor runs the function in one of its own worker threads or processes, which start "
                "with no Flask context.",
    "process": "A new process starts with no Flask context (spawned, it does not even share the app object).",
    "greenlet": "Flask's contexts are per greenlet: a spawned greenlet starts with none.",
    "celery-task": "A Celery worker runs the task outside any request, and this task's class pushes no "
                   "application context (Flask's docs give the Celery app a `FlaskTask` base that does).",
    "celery-signal": "Celery runs signal handlers in the worker, outside any request or app context.",
    "rq-job": "An RQ worker runs the job in its own process, where the web app pushed nothing.",
    "dramatiq-actor": "A Dramatiq worker runs the actor in its own process, where the web app pushed nothing.",
    "huey-task": "A Huey consumer runs the task in its own process, where the web app pushed nothing.",
    "scheduler-job": "The scheduler runs the job in its own thread pool, where no Flask context exists "
                     "(Flask-APScheduler keeps `scheduler.app` to push one).",
    "import-time": "Module-level code runs when the module is imported, before any app or request context "
                   "exists.",
    "script": "A script's `__main__` block runs outside the app: nothing pushes a context unless the script "
              "does.",
    "pytest": "A test has a context only if it, or a fixture it uses, pushes one: an `app` fixture that returns "
              "the app pushes none, and neither does `app.test_cli_runner()`.",
    "click-command": "A plain click command runs outside Flask: only `flask` commands (`@app.cli.command`, "
                     "`@with_appcontext`, or run through the `flask` command) get an application context.",
    "atexit": "`atexit` handlers run at interpreter exit, after every context is gone.",
    "signal": "A signal handler interrupts whatever the main thread was doing, usually outside any context.",
    "wsgi-middleware": "WSGI middleware runs around the Flask app: before Flask pushes the request context and "
                       "after it pops it.",
    "stream": "A streamed response's generator runs after the view has returned, once Flask has popped the "
              "request context (`stream_with_context` keeps it).",
    "logging": "Log handlers, filters and formatters run wherever a log call happens: in threads, workers and "
               "scripts too, not only in requests.",
    "custom": "The project's configuration declares this entry point as starting without a context.",
    "app-teardown": "Flask calls `teardown_appcontext` callbacks as it pops the application context, after the "
                    "request context is gone, in requests too (`teardown_request` callbacks still see the request).",
}
