"""The package's modules import one another in one direction: the stages in the order the data flows
(sources -> model -> render -> pipeline -> cli), no cycle, each importable first."""

from __future__ import annotations

import ast
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from conftest import REPO

PACKAGE = REPO / "toolkit"


def _modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = (path, ast.parse(path.read_text(encoding="utf-8")))
    return found


def _graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports, at the top or inside a function (a hidden cycle
    is still a cycle). `from a.b import c` names the module a.b.c when there is one, else a.b."""
    modules = _modules()
    graph = {}
    for name, (path, tree) in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                edges.update(alias.name for alias in node.names if alias.name in modules)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[:len(package.split(".")) - node.level + 1]
                    base = ".".join(parent + ([base] if base else []))
                for alias in node.names:
                    target = f"{base}.{alias.name}"
                    edges.add(target if target in modules else base)
        graph[name] = {edge for edge in edges if edge in modules and edge != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the modules along it, or None (depth-first search)."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = "open"
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                return path[path.index(target):] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        state[module] = "done"
        path.pop()
        return None

    for module in sorted(graph):
        if module not in state:
            found = visit(module)
            if found:
                return found
    return None


# Each module's stage: the longest prefix listed here names it (a module in no stage fails the test).
STAGES = {
    "toolkit": "base", "toolkit.errors": "base", "toolkit.suggest": "base",
    "toolkit.sources": "sources",
    # The model's vocabulary: the nodes and words that reading fills in and every later stage reads.
    **{f"toolkit.model.{name}": "vocabulary" for name in ("document", "meeting", "wording", "scripts", "plain",
                                                            "tables", "words", "walk", "parts", "issued")},
    "toolkit.model": "model",  # numbering, assembling, the made documents: what only the build calls
    "toolkit.model.build": "build",  # THE stage that builds the model: read, number, issue, report, check
    "toolkit.checks": "checks",
    "toolkit.issuing": "issuing",  # the issued records applied to the model (called by the build)
    "toolkit.issuing.command": "issue",  # `toolkit issue`: records a built document, over the pipeline
    "toolkit.revisions": "revisions",
    "toolkit.render": "render", "toolkit.render.pdf": "render.pdf", "toolkit.render.docx": "render.docx",
    # The typographer's preflight: rules on the laid-out pages (render/layout.py), after render, before pipeline.
    "toolkit.preflight": "preflight",
    "toolkit.pipeline": "pipeline",
    "toolkit.preview": "preview", "toolkit.drafting": "drafting", "toolkit.importing": "importing",
    "toolkit.cli": "cli", "toolkit.__main__": "cli",
}

# stage -> the stages it may import (itself aside). Anything else is a wrong-way import.
ALLOWED = {
    "base": set(),
    "vocabulary": {"base"},
    "sources": {"base", "vocabulary"},  # reading depends on nothing after it
    "model": {"base", "vocabulary"},
    "checks": {"base", "vocabulary", "sources"},  # rules on the built model, with where facts are written
    "revisions": {"base", "vocabulary", "render", "render.docx"},  # corrections; a revision's tracked DOCX
    "issuing": {"base", "vocabulary", "model", "sources", "revisions"},
    "build": {"base", "vocabulary", "model", "sources", "checks", "issuing"},
    "render": {"base", "vocabulary"},  # what both renderers share (LibreOffice, fonts, fetcher, warnings)
    "render.pdf": {"base", "vocabulary", "render"},
    "render.docx": {"base", "vocabulary", "render"},
    "preflight": {"base", "vocabulary", "render"},  # reads the layout, never lays out
    "pipeline": {"base", "vocabulary", "model", "build", "sources", "revisions", "render", "render.pdf",
                 "render.docx", "preflight"},
    "preview": {"base", "pipeline", "render", "render.pdf"},
    "issue": {"base", "vocabulary", "build", "issuing", "pipeline", "sources"},
    "drafting": {"base", "vocabulary", "sources"},
    "importing": {"base", "vocabulary", "sources", "render.docx"},  # reads Word files through the OOXML guard
    "cli": set(STAGES.values()),
}


def _stage(module: str) -> str | None:
    prefixes = [p for p in STAGES if module == p or module.startswith(p + ".")]
    return STAGES[max(prefixes, key=len)] if prefixes else None


def _wrong_way(graph: dict[str, set[str]]) -> list[str]:
    """Every import between stages that the table does not allow, as "a -> b (stage -> stage)"."""
    wrong = []
    for module, targets in sorted(graph.items()):
        source = _stage(module)
        for target in sorted(targets):
            to = _stage(target)
            if source != to and to not in ALLOWED.get(source or "", set()):
                wrong.append(f"{module} -> {target} ({source} -> {to})")
    return wrong


def test_the_graph_sees_the_package_and_its_imports():
    graph = _graph()
    assert "toolkit.render.docx.oxml.ooxml" in graph["toolkit.render.docx.write.body"]
    assert "toolkit.render.pdf" in graph["toolkit.pipeline.worker"], "imported inside a function"
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_import_cycle_between_modules_of_the_package():
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def _imports_alone(module: str) -> tuple[str, str]:
    done = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=REPO, capture_output=True, text=True,
                          timeout=120, check=False)
    return module, done.stderr.strip().splitlines()[-1] if done.returncode else ""


def test_each_render_module_imports_first_in_a_fresh_interpreter():
    """A cycle hidden at run time (a module that works only if another was imported before) fails here."""
    modules = sorted(name for name in _graph() if name.startswith("toolkit.render"))
    with ThreadPoolExecutor(4) as pool:
        failed = {module: error for module, error in pool.map(_imports_alone, modules) if error}
    assert not failed, failed


def test_every_module_belongs_to_a_stage():
    assert [m for m in _graph() if _stage(m) is None] == []
    assert set(ALLOWED) == set(STAGES.values())


def test_the_stages_import_one_way():
    wrong = _wrong_way(_graph())
    assert wrong == [], "imports against the direction of the stages:\n" + "\n".join(wrong)


def test_a_wrong_way_import_is_caught():
    """The check fails on a reader importing a renderer, a model module importing a check, and a
    renderer importing the other one; the allowed arrows pass."""
    graph = {"toolkit.sources.note": {"toolkit.render.pdf.html", "toolkit.model.document"},
             "toolkit.model.numbering": {"toolkit.checks.words", "toolkit.suggest"},
             "toolkit.render.docx.write.pictures": {"toolkit.render.pdf.fetcher", "toolkit.render.fetcher"},
             "toolkit.pipeline.jobs": {"toolkit.issuing.apply", "toolkit.model.build"}}
    assert _wrong_way(graph) == [
        "toolkit.model.numbering -> toolkit.checks.words (model -> checks)",
        "toolkit.pipeline.jobs -> toolkit.issuing.apply (pipeline -> issuing)",
        "toolkit.render.docx.write.pictures -> toolkit.render.pdf.fetcher (render.docx -> render.pdf)",
        "toolkit.sources.note -> toolkit.render.pdf.html (sources -> render.pdf)",
    ]


def test_reading_imports_nothing_after_it():
    """sources/ reads and validates: it imports only the base, the model's vocabulary and itself."""
    graph = _graph()
    later = sorted(f"{m} -> {t}" for m, targets in graph.items() if _stage(m) == "sources"
                   for t in targets if _stage(t) not in ("base", "vocabulary", "sources"))
    assert later == []


def test_the_renderers_are_used_through_their_entry_points():
    """Outside render/, the PDF and DOCX renderers are imported as packages (render/pdf/__init__.py,
    render/docx/__init__.py, the same shape), never a module under them; reading a Word file goes
    through the OOXML guard."""
    graph = _graph()
    reached = sorted(f"{m} -> {t}" for m, targets in graph.items() if not m.startswith("toolkit.render")
                     for t in targets if t.startswith(("toolkit.render.pdf.", "toolkit.render.docx.")))
    assert reached == ["toolkit.importing.read -> toolkit.render.docx.oxml.guard"]
    for renderer in ("toolkit.render.pdf", "toolkit.render.docx"):
        module = __import__(renderer, fromlist=["__all__"])
        assert all(callable(getattr(module, name)) for name in module.__all__)
    from toolkit.render import docx, pdf

    assert {"note_pdf", "environment"} <= set(pdf.__all__) and {"note_docx", "draft", "settle"} <= set(docx.__all__)


def test_the_docx_xml_layer_imports_nothing_above_it():
    graph = _graph()
    above = sorted(f"{m} -> {t}" for m, targets in graph.items() if m.startswith("toolkit.render.docx.oxml")
                   for t in targets if not t.startswith("toolkit.render.docx.oxml"))
    assert above == []
