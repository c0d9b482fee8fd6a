"""How test runners set tests up: what pushes a context before a test body runs.

pytest runs a test's fixture closure first (its parameters, ``usefixtures`` marks on the function,
its class and the module's ``pytestmark``, and every autouse fixture visible from its directory);
unittest runs ``setUpClass`` once per class and ``setUp`` before each test, through the MRO.
"""

from __future__ import annotations

from flaskscope.levels import Level

# Decorators that make a function a pytest fixture.
FIXTURE_DECORATORS: frozenset[str] = frozenset({"pytest.fixture", "pytest.yield_fixture", "pytest_asyncio.fixture"})

# Methods a test runner calls before a test method, in the order it calls them.
SETUP_METHODS: tuple[str, ...] = ("setUpClass", "setup_class", "setUp", "setup_method", "asyncSetUp")

# Base classes of test cases whose own setup pushes a context (read from their sources):
# Flask-Testing's TestCase pushes ``app.test_request_context()`` in ``_pre_setup``.
CONTEXT_TEST_BASES: dict[str, Level] = {
    "flask_testing.TestCase": Level.REQUEST,
    "flask_testing.LiveServerTestCase": Level.REQUEST,
    "flask_testing.utils.TestCase": Level.REQUEST,
}

# The standard library's test case: what makes a class of a test module a unittest test class.
UNITTEST_CASE_CLASS = "unittest.TestCase"

# Library base classes of test cases that push nothing (everything else unknown is a gap).
PLAIN_TEST_BASES: frozenset[str] = frozenset({
    "unittest.TestCase", "unittest.IsolatedAsyncioTestCase", "unittest.case.TestCase", "object",
    "builtins.object", "unittest.mock.NonCallableMock", "typing.Generic", "abc.ABC",
})

# Fixtures pytest itself and common plugins provide that push no Flask context.
NEUTRAL_FIXTURES: frozenset[str] = frozenset({
    "request", "tmp_path", "tmp_path_factory", "tmpdir", "tmpdir_factory", "monkeypatch", "capsys",
    "capsysbinary", "capfd", "capfdbinary", "caplog", "recwarn", "pytestconfig", "record_property",
    "record_testsuite_property", "record_xml_attribute", "cache", "doctest_namespace", "testdir", "pytester",
    "mocker", "class_mocker", "module_mocker", "session_mocker", "event_loop", "subtests", "benchmark",
    "freezer", "requests_mock", "httpserver", "faker", "snapshot", "settings", "anyio_backend",
    # pytest-flask's that need no ``app``:
    "mimetype", "accept_mimetype", "accept_json", "accept_jsonp", "accept_any",
})

# pytest-flask's fixtures: each needs the project's ``app`` fixture, so requesting one puts ``app``
# in the closure, and pytest-flask's autouse fixture then pushes ``app.test_request_context()``.
PYTEST_FLASK_FIXTURES: frozenset[str] = frozenset({
    "client", "client_class", "config", "live_server", "request_ctx",
})
PYTEST_FLASK_APP_FIXTURE = "app"

# Calls that pull a fixture in at run time: ``request.getfixturevalue("name")``.
DYNAMIC_FIXTURE_METHODS: frozenset[str] = frozenset({"getfixturevalue", "getfuncargvalue"})

# Patching APIs (decorator, context manager or call) and where their target is named:
# (position of the target string, or of the object and the attribute name).
PATCH_BY_STRING: frozenset[str] = frozenset({"patch", "patch.dict"})
PATCH_BY_OBJECT: frozenset[str] = frozenset({"patch.object", "setattr"})
