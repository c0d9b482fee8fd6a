"""Source-text primitives for fixes: indentation, wrapping statements, imports, parameters.

Edits replace whole lines where they restructure code, so comments and blank lines inside the
wrapped region survive untouched (only re-indented); the inside of multi-line strings is never
re-indented, because that would change the string's value.
"""

from __future__ import annotations

import ast
import io
import tokenize
from functools import lru_cache

from flaskscope.edits import TextEdit
from flaskscope.index.model import ModuleIndex, Span


def lines_of(module: ModuleIndex) -> list[str]:
    return module.source.splitlines()


def indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


@lru_cache(maxsize=256)
def _indent_unit(source: str) -> str:
    for line in source.splitlines():
        stripped = line.lstrip()
        if stripped and line != stripped and not stripped.startswith("#"):
            unit = indent_of(line)
            return "\t" if unit.startswith("\t") else " " * len(unit)
    return "    "


def indent_unit(module: ModuleIndex) -> str:
    return _indent_unit(module.source)


@lru_cache(maxsize=256)
def _string_interiors(source: str) -> frozenset[int]:
    """Lines that lie inside a multi-line string, after its first line."""
    inside: set[int] = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.STRING and token.end[0] > token.start[0]:
                inside.update(range(token.start[0] + 1, token.end[0] + 1))
    except (tokenize.TokenError, SyntaxError):
        pass
    return frozenset(inside)


def first_line(node: ast.stmt) -> int:
    """The first line of a statement, decorators included."""
    decorators = getattr(node, "decorator_list", None) or []
    return min([node.lineno, *(d.lineno for d in decorators)])


def wrap_statements(module: ModuleIndex, first: ast.stmt, last: ast.stmt, header: str) -> TextEdit | None:
    """Put ``header`` (``with app.app_context():``) above ``first``..``last`` and indent them.

    Returns None when the statements do not start their own lines (``if x: stmt``).
    """
    lines = lines_of(module)
    start, end = first_line(first), last.end_lineno or last.lineno
    line_text = lines[start - 1]
    indent = indent_of(line_text)
    decorators = getattr(first, "decorator_list", None) or []
    begins_at = decorators[0].col_offset - 1 if decorators else first.col_offset
    if len(indent.encode()) != begins_at:
        return None  # the statement shares its line with what precedes it
    unit = indent_unit(module)
    interiors = _string_interiors(module.source)
    body = []
    for number in range(start, end + 1):
        text = lines[number - 1]
        if number in interiors or not text.strip():
            body.append(text)
        else:
            body.append(unit + text)
    new_text = "\n".join([indent + header, *body]) + "\n"
    return TextEdit(module.path, start, 0, end + 1, 0, new_text)


def statements_from(body: list[ast.stmt], containing_line: int) -> list[ast.stmt]:
    """The statements of ``body`` from the one spanning ``containing_line`` to the end."""
    for position, stmt in enumerate(body):
        if first_line(stmt) <= containing_line <= (stmt.end_lineno or stmt.lineno):
            return body[position:]
    return []


def body_without_docstring(body: list[ast.stmt]) -> list[ast.stmt]:
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str) and len(body) > 1:
        return body[1:]
    return body


def has_import(module: ModuleIndex, from_module: str, name: str) -> bool:
    binding = module.globals.get(name)
    return binding is not None and binding.kind == "import" and binding.target == f"{from_module}.{name}"


def add_import(module: ModuleIndex, from_module: str, name: str) -> TextEdit | None:
    """``from <from_module> import <name>`` after the module's last top-level import."""
    if has_import(module, from_module, name):
        return None
    tree = module.body_scope.node  # the tree the index was built from: no second parse
    assert isinstance(tree, ast.Module)
    for stmt in tree.body:  # join an existing single-line ``from <module> import ...`` (keeps import order)
        if isinstance(stmt, ast.ImportFrom) and stmt.module == from_module and not stmt.level \
                and stmt.lineno == stmt.end_lineno and all(alias.name != "*" for alias in stmt.names):
            last = stmt.names[-1]
            line, col = last.end_lineno or stmt.lineno, last.end_col_offset or 0
            return TextEdit(module.path, line, _char_col(module, line, col), line, _char_col(module, line, col),
                            f", {name}")
    line = _after_imports(tree)
    return TextEdit(module.path, line, 0, line, 0, f"from {from_module} import {name}\n")


def add_module_import(module: ModuleIndex, name: str) -> TextEdit | None:
    """``import <name>`` after the module's last top-level import (never above ``from __future__``)."""
    binding = module.globals.get(name)
    if binding is not None and binding.kind == "import" and binding.target == name:
        return None
    tree = module.body_scope.node
    assert isinstance(tree, ast.Module)
    line = _after_imports(tree)
    return TextEdit(module.path, line, 0, line, 0, f"import {name}\n")


def _after_imports(tree: ast.Module) -> int:
    """The line after the leading imports (and the docstring): where a new import goes."""
    after = 0
    for stmt in tree.body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            after = stmt.end_lineno or stmt.lineno
        elif after == 0 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            after = stmt.end_lineno or stmt.lineno  # the module docstring
        elif not isinstance(stmt, (ast.Import, ast.ImportFrom)):
            break
    return after + 1


def def_open_paren(module: ModuleIndex, node: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[int, int] | None:
    """(line, col) just after the ``(`` of a ``def``."""
    lines = lines_of(module)
    text = lines[node.lineno - 1]
    at = text.find(f"def {node.name}")
    if at < 0:
        return None
    paren = text.find("(", at)
    return (node.lineno, paren + 1) if paren >= 0 else None


def add_first_parameter(module: ModuleIndex, node: ast.FunctionDef | ast.AsyncFunctionDef, name: str,
                        is_method: bool) -> TextEdit | None:
    """Insert ``name`` as the first parameter (after ``self``/``cls`` for methods)."""
    positional = [*node.args.posonlyargs, *node.args.args]
    if is_method:
        if not positional:
            return None
        after = positional[0]
        line, col = after.end_lineno or after.lineno, after.end_col_offset or 0
        return TextEdit(module.path, line, _char_col(module, line, col), line, _char_col(module, line, col),
                        f", {name}")
    if positional:
        first = positional[0]
        col = _char_col(module, first.lineno, first.col_offset)
        return TextEdit(module.path, first.lineno, col, first.lineno, col, f"{name}, ")
    position = def_open_paren(module, node)
    if position is None:
        return None
    has_others = bool(node.args.vararg or node.args.kwonlyargs or node.args.kwarg)
    return TextEdit(module.path, position[0], position[1], position[0], position[1],
                    f"{name}, " if has_others else name)


def add_last_parameter(module: ModuleIndex, node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> TextEdit | None:
    """Append ``name`` after the positional parameters (before ``*args``, keyword-only ones and
    ``**kwargs``). For a test that is where a fixture goes: ``mock.patch`` decorators hand their
    mocks to the first positional parameters."""
    args = node.args
    if args.vararg or args.kwonlyargs or args.kwarg or args.defaults:
        return None  # after those a plain parameter would not parse, or would change their meaning
    positional = [*args.posonlyargs, *args.args]
    if not positional:
        return add_first_parameter(module, node, name, False)
    last = positional[-1]
    line, col = last.end_lineno or last.lineno, last.end_col_offset or 0
    column = _char_col(module, line, col)
    return TextEdit(module.path, line, column, line, column, f", {name}")


def add_keyword_parameter(module: ModuleIndex, node: ast.FunctionDef | ast.AsyncFunctionDef,
                          name: str) -> TextEdit | None:
    """Add ``name`` where a call can always pass it by keyword, whatever its positional arguments
    fill (``partial(f, x)(y, app=app)``): last among the positional parameters, or keyword-only when
    ``*args``, defaults, keyword-only parameters or ``**kwargs`` come after them."""
    args = node.args
    if not (args.vararg or args.kwonlyargs or args.kwarg or args.defaults):
        return add_last_parameter(module, node, name)
    if args.kwonlyargs:
        default = args.kw_defaults[-1]
        after: ast.AST = default if default is not None else args.kwonlyargs[-1]
        addition = f", {name}"
    elif args.vararg:
        after, addition = args.vararg, f", {name}"
    else:
        positional = [*args.posonlyargs, *args.args]
        if not positional:
            position = def_open_paren(module, node)
            if position is None:
                return None
            return TextEdit(module.path, position[0], position[1], position[0], position[1], f"*, {name}, ")
        after = args.defaults[-1] if args.defaults else positional[-1]
        addition = f", *, {name}"
    line, col = after.end_lineno or after.lineno, after.end_col_offset or 0  # type: ignore[attr-defined]
    column = _char_col(module, line, col)
    return TextEdit(module.path, line, column, line, column, addition)


def _char_col(module: ModuleIndex, line: int, byte_col: int) -> int:
    text = lines_of(module)[line - 1]
    return byte_col if text.isascii() else len(text.encode()[:byte_col].decode("utf-8", "replace"))


def node_span(module: ModuleIndex, node: ast.AST) -> tuple[int, int, int, int]:
    line, end_line = node.lineno, node.end_lineno or node.lineno  # type: ignore[attr-defined]
    return (line, _char_col(module, line, node.col_offset),  # type: ignore[attr-defined]
            end_line, _char_col(module, end_line, node.end_col_offset or 0))  # type: ignore[attr-defined]


def replace_node(module: ModuleIndex, node: ast.AST, new_text: str) -> TextEdit:
    line, col, end_line, end_col = node_span(module, node)
    return TextEdit(module.path, line, col, end_line, end_col, new_text)


def source_of(module: ModuleIndex, node: ast.AST) -> str:
    return ast.get_source_segment(module.source, node) or ""


def source_in(module: ModuleIndex, span: Span) -> str:
    """The text a span covers (code-point columns, as findings carry them)."""
    lines = module.source.splitlines(keepends=True)
    if span.line == span.end_line:
        return lines[span.line - 1][span.col:span.end_col]
    middle = lines[span.line:span.end_line - 1]
    return "".join([lines[span.line - 1][span.col:], *middle, lines[span.end_line - 1][:span.end_col]])


def insert_before_statement(module: ModuleIndex, stmt: ast.stmt, text_lines: list[str]) -> TextEdit:
    """Insert lines (given without indentation) before ``stmt``, at its indentation."""
    start = first_line(stmt)
    indent = indent_of(lines_of(module)[start - 1])
    unit = indent_unit(module)
    new_text = "".join(indent + line.replace("    ", unit) + "\n" if line else "\n" for line in text_lines)
    return TextEdit(module.path, start, 0, start, 0, new_text)



def append_call_argument(module: ModuleIndex, call: ast.Call, argument: str) -> TextEdit:
    """Add ``argument`` as the last argument of ``call``, in the call's own layout.

    Real code is mostly black-formatted: one argument a line and a magic trailing comma before a
    closing parenthesis on its own line. There the argument gets a line of its own, indented like
    the last one, with its own trailing comma; on one line it follows the last argument (``, x``),
    after any comment-free trailing comma (``f(a, )`` -> ``f(a, x)``). Tokens, not text, decide,
    so a comment or a parenthesis inside a string never misleads it.
    """
    segment = ast.get_source_segment(module.source, call) or ""
    first_col = _char_col(module, call.lineno, call.col_offset)
    significant = [t for t in tokenize.generate_tokens(io.StringIO(segment).readline)
                   if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT,
                                     tokenize.DEDENT, tokenize.ENDMARKER)]
    closing, previous = significant[-1], significant[-2]

    def absolute(position: tuple[int, int]) -> tuple[int, int]:
        line, col = position
        return call.lineno + line - 1, col + (first_col if line == 1 else 0)

    close_line, close_col = absolute(closing.start)
    after_line, after_col = absolute(previous.end)
    if previous.string == "(":
        return TextEdit(module.path, after_line, after_col, after_line, after_col, argument)
    if previous.string == ",":
        if close_line > after_line:  # the closing parenthesis starts its own line
            starts = [(a.end_lineno or 0, a.end_col_offset or 0, a.lineno) for a in call.args]
            starts += [(k.end_lineno or 0, k.end_col_offset or 0, k.lineno) for k in call.keywords]
            indent = indent_of(lines_of(module)[max(starts)[2] - 1])  # the last argument's line
            return TextEdit(module.path, close_line, 0, close_line, 0, f"{indent}{argument},\n")
        return TextEdit(module.path, after_line, after_col, after_line, after_col, f" {argument}")
    return TextEdit(module.path, after_line, after_col, after_line, after_col, f", {argument}")
