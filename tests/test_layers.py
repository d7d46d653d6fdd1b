"""The import graph of parley/: no cycles between modules nor between packages, a store that
imports no stage, stages that import no other stage (docs/architecture.md, "Layers").

Every ``import`` counts, wherever it sits: at the top, inside a function (a deferred import
still ties the two modules together), under ``if TYPE_CHECKING``. The graph is read from the
source with ``ast``; nothing is imported.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PARLEY = Path(__file__).resolve().parents[1] / "parley"
STAGE_PACKAGES = ("actors", "claims", "events", "places", "process", "times")


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in sorted(PARLEY.rglob("*.py")):
        parts = list(path.relative_to(PARLEY.parent).with_suffix("").parts)
        package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if package else parts)] = (path, package)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module name -> the parley modules it imports (a name imported from a package counts as
    the package, unless it is a submodule)."""
    modules = _modules()

    def known(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for name, (path, package) in modules.items():
        here = name if package else name.rpartition(".")[0]
        targets: set[str | None] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets.update(known(a.name) for a in node.names if a.name.split(".")[0] == "parley")
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here.split(".")[:len(here.split(".")) - node.level + 1]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                if source.split(".")[0] != "parley":
                    continue
                for alias in node.names:
                    full = f"{source}.{alias.name}"
                    targets.add(full if full in modules else known(source))
        graph[name] = {t for t in targets if t and t != name}
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of ``graph`` (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for target in edges:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(sorted(component))
    return components


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGE_PACKAGES else None


def test_graph_sees_deferred_and_relative_imports():
    graph = import_graph()
    # parley.engine imports the derive step at the top, and the actors' knowledge base inside ingest()
    assert {"parley.derive", "parley.actors.kb"} <= graph["parley.engine"]
    assert "parley.store.writes" in graph["parley.store.derived"]


def test_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert sorted(strongly_connected(graph)) == [["a", "b", "c"], ["d"]]


def test_no_import_cycle_in_parley():
    graph = import_graph()
    cycles = [c for c in strongly_connected(graph) if len(c) > 1]
    described = ["; ".join(f"{m} -> {', '.join(sorted(graph[m] & set(c)))}" for m in c) for c in cycles]
    assert not cycles, "import cycles:\n" + "\n".join(described)


def _unit(module: str) -> str:
    """The package a module belongs to (``parley.actors``), or the top-level module itself."""
    return ".".join(module.split(".")[:2])


def test_no_import_cycle_between_packages():
    # one level up: parley.nlp importing actors while actors imports parley.nlp is a cycle
    # even when no single module closes it
    graph: dict[str, set[str]] = {}
    for module, targets in import_graph().items():
        graph.setdefault(_unit(module), set()).update(_unit(t) for t in targets if _unit(t) != _unit(module))
    for targets in list(graph.values()):
        for target in targets:
            graph.setdefault(target, set())
    cycles = [c for c in strongly_connected(graph) if len(c) > 1]
    described = ["; ".join(f"{m} -> {', '.join(sorted(graph[m] & set(c)))}" for m in c) for c in cycles]
    assert not cycles, "import cycles between packages:\n" + "\n".join(described)


def test_store_imports_no_stage_package():
    wrong = sorted(f"{module} imports {target}" for module, targets in import_graph().items()
                   if module.startswith("parley.store") for target in targets if _stage(target))
    assert not wrong, "the store only reads and writes (cross-document work is parley/derive.py):\n" + "\n".join(wrong)


def test_stage_packages_import_no_other_stage():
    wrong = sorted(f"{module} imports {target}" for module, targets in import_graph().items()
                   for target in targets if _stage(module) and _stage(target) not in (None, _stage(module)))
    assert not wrong, "\n".join(wrong)


def test_all_sql_lives_under_the_store():
    # a query string or a call that runs one, outside parley/store/
    wrong = []
    for module, (path, _) in _modules().items():
        if module.startswith("parley.store"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("execute", "sql"):
                wrong.append(f"{module}:{node.lineno}: .{node.func.attr}()")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(
                    r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET)\b", node.value):
                wrong.append(f"{module}:{node.lineno}: {node.value[:60]!r}")
    assert not wrong, "\n".join(wrong)
