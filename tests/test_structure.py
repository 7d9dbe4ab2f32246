"""The house rules of the code, checked: no import cycle anywhere in engine/ (counting imports inside functions
too), small modules and short functions (a longer one says why in a comment on its first line), and the CLI only
parses options and calls a job."""

from __future__ import annotations

import ast
import os

ENGINE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "engine")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
LONG_MARK = "# long:"  # a function may be longer when its first line says why


def _modules() -> dict[str, ast.Module]:
    out = {}
    for base, dirs, names in os.walk(ENGINE):
        dirs[:] = [d for d in dirs if d not in ("_data", "__pycache__")]
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(base, name)
                rel = os.path.relpath(path, os.path.dirname(ENGINE))[:-3].replace(os.sep, ".")
                module = rel[: -len(".__init__")] if rel.endswith(".__init__") else rel
                with open(path, encoding="utf-8") as fh:
                    out[module] = ast.parse(fh.read(), path)
    return out


def _imports(module: str, tree: ast.Module, known: set[str]) -> set[str]:
    """The engine modules a module imports: `from a.b import c` names a.b.c when c is a module, else a.b."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            subs = [f"{node.module}.{a.name}" for a in node.names]
            names = [s for s in subs if s in known] or [node.module]
            if len(names) < len(subs) and node.module not in names:
                names.append(node.module)
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module and name != "engine":
                found.add(name)
    return found


def test_no_import_cycle_in_engine():
    modules = _modules()
    graph = {m: _imports(m, t, set(modules)) for m, t in modules.items()}
    cycles, state, stack = [], {}, []

    def visit(m: str) -> None:
        state[m] = "open"
        stack.append(m)
        for d in sorted(graph.get(m, ())):
            if state.get(d) == "open":
                cycles.append(stack[stack.index(d) :] + [d])
            elif d not in state:
                visit(d)
        stack.pop()
        state[m] = "done"

    for m in sorted(graph):
        if m not in state:
            visit(m)
    assert cycles == []


def test_modules_are_small_and_functions_short():
    too_long = []
    for module, tree in _modules().items():
        path = os.path.join(os.path.dirname(ENGINE), *module.split(".")) + ".py"
        if not os.path.exists(path):
            path = os.path.join(os.path.dirname(ENGINE), *module.split("."), "__init__.py")
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        if len(lines) > MAX_MODULE_LINES:
            too_long.append(f"{module}: {len(lines)} lines")
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES and LONG_MARK not in lines[node.lineno - 1]:
                    too_long.append(f"{module}.{node.name}: {length} lines")
    assert too_long == []


def test_the_cli_only_parses_and_calls_a_job():
    """A command module imports the options, the printer and one job; nothing of the pipeline itself."""
    for module, tree in _modules().items():
        if not module.startswith("engine.cli.") or module in (
            "engine.cli.main",
            "engine.cli.plain",  # the entry point, like main: it resets what a run read (engine.io.inputs)
            "engine.cli.options",
            "engine.cli.emit",
        ):
            continue
        imported = _imports(module, tree, set(_modules()))
        assert {m for m in imported if not m.startswith(("engine.cli", "engine.jobs"))} == set(), module
