"""Canonical qualified names.

Libraries define things in private submodules and re-export them (``flask.globals.current_app``
is ``flask.current_app``); subclasses share behaviour (every APScheduler scheduler has
``add_job``). Both the import table and jedi may give either spelling, so every name is mapped
to one canonical form before a table lookup.
"""

from __future__ import annotations

import functools

# Longest matching prefix wins. Values replace the matched prefix.
MODULE_ALIASES: dict[str, str] = {
    "flask.globals": "flask",
    "flask.helpers": "flask",
    "flask.templating": "flask",
    "flask.json": "flask",
    "flask.ctx": "flask",
    "flask.app": "flask",
    "flask.sansio.app": "flask",
    "flask.sansio.blueprints": "flask",
    "flask.sansio.scaffold": "flask",
    "flask.blueprints": "flask",
    "flask.wrappers": "flask",
    "flask.views": "flask",
    "flask_sqlalchemy.extension": "flask_sqlalchemy",
    "flask_sqlalchemy.model": "flask_sqlalchemy",
    "flask_login.utils": "flask_login",
    "flask_babel.speaklater": "flask_babel",
    "werkzeug.local": "werkzeug",
    "celery.app.base": "celery",
    "celery.app.task": "celery",
    "celery.app": "celery",
    "celery.app.shared_task": "celery.shared_task",
    "concurrent.futures.thread": "concurrent.futures",
    "concurrent.futures.process": "concurrent.futures",
    "concurrent.futures._base": "concurrent.futures",
    "multiprocessing.context": "multiprocessing",
    "multiprocessing.process": "multiprocessing",
    "apscheduler.schedulers.background": "apscheduler",
    "apscheduler.schedulers.blocking": "apscheduler",
    "apscheduler.schedulers.asyncio": "apscheduler",
    "apscheduler.schedulers.gevent": "apscheduler",
    "apscheduler.schedulers.base": "apscheduler",
    "apscheduler.schedulers": "apscheduler",
    "flask_apscheduler.scheduler": "flask_apscheduler",
    "rq.queue": "rq",
    "rq.decorators": "rq",
    "huey.api": "huey",
    "gevent.greenlet": "gevent",
    "asyncio.events": "asyncio",
    "asyncio.base_events": "asyncio",
    "asyncio.threads": "asyncio",
}

# Classes whose members behave the same: canonical member names use the family's name.
CLASS_FAMILIES: dict[str, str] = {
    "flask.Blueprint": "flask.Flask",
    "flask.Scaffold": "flask.Flask",
    "flask.App": "flask.Flask",
    "flask.cli.FlaskGroup": "flask.cli.AppGroup",
    "flask.testing.FlaskCliRunner": "click.testing.CliRunner",
    "concurrent.futures.ThreadPoolExecutor": "concurrent.futures.Executor",
    "concurrent.futures.ProcessPoolExecutor": "concurrent.futures.Executor",
    "multiprocessing.pool.ThreadPool": "multiprocessing.Pool",
    "multiprocessing.pool.Pool": "multiprocessing.Pool",
    "apscheduler.BackgroundScheduler": "apscheduler.BaseScheduler",
    "apscheduler.BlockingScheduler": "apscheduler.BaseScheduler",
    "apscheduler.AsyncIOScheduler": "apscheduler.BaseScheduler",
    "apscheduler.GeventScheduler": "apscheduler.BaseScheduler",
    "huey.RedisHuey": "huey.Huey",
    "huey.MemoryHuey": "huey.Huey",
    "huey.SqliteHuey": "huey.Huey",
    "huey.FileHuey": "huey.Huey",
    "huey.PriorityRedisHuey": "huey.Huey",
    "asyncio.BaseEventLoop": "asyncio.AbstractEventLoop",
    "flask_socketio.SocketIO": "flask_socketio.SocketIO",
    "redis.StrictRedis": "redis.Redis",
}

# Flask's test client: a request it makes keeps its context only inside ``with client:``.
# The app context's namespace object: empty in every new context, so what code reads from it
# depends on what earlier code of that context stored (``reach/stored_state``).
CONTEXT_GLOBALS = "flask.g"

TEST_CLIENT_CLASS = "flask.testing.FlaskClient"

# Decorators that turn a function into an object of a known class.
DECORATED_RESULTS: dict[str, str] = {
    "click.group": "click.Group",
    "click.command": "click.Command",
    "flask.cli.AppGroup.group": "flask.cli.AppGroup",
    "click.Group.group": "click.Group",
}

# Calls that return an instance of a known class (a factory, not a constructor).
FACTORY_RESULTS: dict[str, str] = {
    "asyncio.get_event_loop": "asyncio.AbstractEventLoop",
    "asyncio.get_running_loop": "asyncio.AbstractEventLoop",
    "asyncio.new_event_loop": "asyncio.AbstractEventLoop",
    "multiprocessing.get_context": "multiprocessing",
    "multiprocessing.Pool": "multiprocessing.Pool",
    "flask.Flask.test_client": TEST_CLIENT_CLASS,
    "flask.Flask.test_cli_runner": "flask.testing.FlaskCliRunner",
    "flask.Flask.app_context": "flask.ctx.AppContext",
    "flask.Flask.test_request_context": "flask.ctx.RequestContext",
    "flask.Flask.request_context": "flask.ctx.RequestContext",
    "contextvars.copy_context": "contextvars.Context",
    "logging.getLogger": "logging.Logger",
    "logging.Logger.getChild": "logging.Logger",
    # What a test client's request returns: the response object, whose methods are Werkzeug's.
    **{f"{TEST_CLIENT_CLASS}.{verb}": "werkzeug.test.TestResponse"
       for verb in ("get", "post", "put", "patch", "delete", "head", "options", "open")},
}

# Attributes of known instances that are themselves known objects (``app.cli``, ``db.Model``).
INSTANCE_ATTRIBUTES: dict[str, tuple[str, str]] = {
    # "owner class.attr": ("instance" | "class", qualified name)
    "flask.Flask.cli": ("instance", "flask.cli.AppGroup"),
    "flask_sqlalchemy.SQLAlchemy.Model": ("class", "flask_sqlalchemy.Model"),
    "celery.Celery.Task": ("class", "celery.Celery.Task"),
    "flask_apscheduler.APScheduler.app": ("instance", "flask.Flask"),
}


@functools.lru_cache(maxsize=1 << 16)  # bounded: a server sees names come and go as users type
def canonical(name: str) -> str:
    """Map a qualified name to its canonical spelling (module alias, then class family).

    Cached: the tables are constants, and the resolver asks about the same few hundred names
    (``flask.current_app``, ``flask_sqlalchemy.SQLAlchemy.session``...) hundreds of thousands of times.
    """
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        prefix = ".".join(parts[:cut])
        if prefix in MODULE_ALIASES:
            name = ".".join([MODULE_ALIASES[prefix], *parts[cut:]])
            break
    parts = name.split(".")
    # Families unify members only: a Blueprint's ``route`` is Flask's, but a Blueprint is no app.
    for cut in range(len(parts) - 1, 0, -1):
        prefix = ".".join(parts[:cut])
        family = CLASS_FAMILIES.get(prefix)
        if family is not None and family != prefix:
            return ".".join([family, *parts[cut:]])
    return name

# Methods whose call in an app factory starts something that exists once per process (a scheduler,
# a thread): a fix that builds a second app (``with create_app().app_context():``) would start it
# twice (APScheduler raises SchedulerAlreadyRunningError), so such a factory is never used by fixes.
APP_FACTORY_SIDE_EFFECT_METHODS: frozenset[str] = frozenset({"start", "start_background_task"})


# The attributes of Flask's ``request`` (``flask.Request`` with Werkzeug's, class and instance, and a
# few of older versions). A read of another name is not a read of request data: code that spells it
# means something else by ``request`` (a renamed parameter), and no pushed context makes it work.
REQUEST_ATTRIBUTES: frozenset[str] = frozenset({
    "accept_charsets", "accept_encodings", "accept_languages", "accept_mimetypes",
    "access_control_request_headers", "access_control_request_method", "access_route", "application", "args",
    "authorization", "base_url", "blueprint", "blueprints", "cache_control", "charset", "close",
    "content_encoding", "content_length", "content_md5", "content_type", "cookies", "data", "date",
    "dict_storage_class", "encoding_errors", "endpoint", "environ", "files", "form", "form_data_parser_class",
    "from_values", "full_path", "get_data", "get_json", "headers", "host", "host_url", "if_match",
    "if_modified_since", "if_none_match", "if_range", "if_unmodified_since", "input_stream", "is_json",
    "is_multiprocess", "is_multithread", "is_run_once", "is_secure", "is_xhr", "json", "json_module",
    "list_storage_class", "make_form_data_parser", "max_content_length", "max_form_memory_size",
    "max_form_parts", "max_forwards", "method", "mimetype", "mimetype_params", "module",
    "on_json_loading_failed", "origin", "parameter_storage_class", "path", "pragma", "query_string", "range",
    "referrer", "remote_addr", "remote_user", "root_path", "root_url", "routing_exception", "scheme",
    "script_root", "server", "shallow", "stream", "trusted_hosts", "url", "url_charset", "url_root", "url_rule",
    "user_agent", "user_agent_class", "values", "view_args", "want_form_data_parsed",
})
# What a request context a fix makes (``app.test_request_context()`` in a test) does not have: it
# matches no route, so these are None, and the read fails another way after the fix.
REQUEST_ROUTING_ATTRIBUTES: frozenset[str] = frozenset({"blueprint", "blueprints", "endpoint", "url_rule",
                                                        "view_args"})
