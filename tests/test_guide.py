"""The user guide against the code: every key the sources accept is in the reference page, every
relative link of the README and docs/ leads somewhere, and each page stays short enough to read."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "toolkit"
DOCS = REPO / "docs"
GUIDE = DOCS / "guide"
REFERENCE = GUIDE / "reference.md"
README = REPO / "README.md"
PAGE_LINES = 250

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _where(node: ast.expr) -> str:
    """The `where` argument of check_keys as text: a string, or an f-string with {} for its values."""
    if isinstance(node, ast.Constant):
        return str(node.value)
    if isinstance(node, ast.JoinedStr):
        return "".join(str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values)
    return ast.unparse(node)


def accepted_keys() -> list[tuple[str, str, frozenset[str]]]:
    """(module, where, keys) for every check_keys(data, KEYS, diags, where) in the package: the keys
    each part of meeting.yaml, the front matter and the issued record accepts. KEYS is evaluated in
    its module, so a key added to a set (or a set moved to another module) is found."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
                 and _call_name(node.func) == "check_keys" and len(node.args) >= 2]
        if not calls:
            continue
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        namespace = vars(importlib.import_module(name))
        for call in calls:
            keys = eval(compile(ast.Expression(call.args[1]), str(path), "eval"), namespace)  # noqa: S307
            where = _where(call.args[3]) if len(call.args) > 3 else "?"
            found.append((name, where, frozenset(str(key) for key in keys)))
    return found


def _sections(text: str) -> list[tuple[str, str]]:
    """(heading, text up to the next heading) of a Markdown page, outside fenced blocks."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            sections.append((match.group(2), []))
        else:
            sections[-1][1].append(line)
    return [(heading, "\n".join(lines)) for heading, lines in sections]


def _documented(keys: frozenset[str], section: str) -> set[str]:
    return {key for key in keys if f"`{key}`" in section}


def test_the_scan_finds_the_keys_of_meeting_yaml_and_of_the_front_matter():
    sets = [keys for _, _, keys in accepted_keys()]
    assert any({"organization", "venue", "agenda", "translations"} <= keys for keys in sets), sets
    assert any({"item", "title", "date", "annexes", "considerations"} <= keys for keys in sets), sets
    assert any({"letter", "title", "annotation"} <= keys for keys in sets), sets
    assert any({"given_name", "family_name", "delegation"} <= keys for keys in sets), sets
    assert len(sets) >= 10


@pytest.mark.parametrize("module, where, keys", accepted_keys(), ids=lambda v: v if isinstance(v, str) else None)
def test_every_accepted_key_is_in_the_reference(module, where, keys):
    """The keys of one part (meeting.yaml, an agenda item, a note's front matter, ...) are all
    written, as `key`, in one section of the reference page: the section that documents that part."""
    sections = _sections(REFERENCE.read_text(encoding="utf-8"))
    best_heading, best = max(((heading, _documented(keys, body)) for heading, body in sections),
                             key=lambda found: len(found[1]))
    missing = sorted(keys - best)
    assert not missing, (f"{module} accepts in {where!r} the keys {sorted(keys)}; the section "
                         f"{best_heading!r} of {REFERENCE.relative_to(REPO)} does not document {missing}")


def test_a_key_left_out_of_the_reference_is_found():
    """The check above would see a key the page lacks (it is not satisfied by any mention)."""
    sections = _sections("# Part\n\n| `title` | the title |\n\n# Other\n\n`date` here\n")
    keys = frozenset({"title", "date"})
    assert max(len(_documented(keys, body)) for _, body in sections) == 1


def _pages() -> list[Path]:
    return [README, *sorted(DOCS.rglob("*.md"))]


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    seen: dict[str, int] = {}
    anchors = set()
    for heading, _ in _sections(page.read_text(encoding="utf-8"))[1:]:
        slug = _slug(heading)
        count = seen.get(slug, 0)
        anchors.add(slug if count == 0 else f"{slug}-{count}")
        seen[slug] = count + 1
    return anchors


def _links(page: Path) -> list[tuple[int, str]]:
    found = []
    fenced = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or line.startswith("    "):
            continue
        line = re.sub(r"`[^`]*`", "", line)
        found.extend((number, target) for target in _LINK.findall(line))
    return found


def test_relative_links_lead_to_files_and_headings_that_exist():
    broken = []
    checked = 0
    for page in _pages():
        for number, target in _links(page):
            if re.match(r"[a-z]+:", target):
                continue  # https:, mailto:
            path, _, anchor = target.partition("#")
            dest = (page.parent / path).resolve() if path else page
            where = f"{page.relative_to(REPO)}:{number}: {target}"
            checked += 1
            if not dest.exists():
                broken.append(f"{where}: no such file")
            elif anchor and (dest.suffix != ".md" or anchor not in _anchors(dest)):
                broken.append(f"{where}: no heading with the anchor #{anchor}")
    assert checked > 30
    assert not broken, "\n".join(broken)


def test_the_link_check_sees_a_missing_heading(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# The `meeting.yaml` keys\n\n## A note's front matter\n\nSee [x](#nowhere).\n")
    assert _anchors(page) == {"the-meetingyaml-keys", "a-notes-front-matter"}
    assert _links(page) == [(5, "#nowhere")]


def test_the_readme_leads_to_every_page_of_the_guide():
    linked = {(README.parent / target.partition("#")[0]).resolve() for _, target in _links(README)}
    pages = sorted(GUIDE.glob("*.md")) + [DOCS / "developers.md"]
    assert len(pages) > 10
    assert not [page.name for page in pages if page.resolve() not in linked]


def test_each_page_reads_at_once():
    long = {page.relative_to(REPO).as_posix(): lines for page in _pages()
            if (lines := len(page.read_text(encoding="utf-8").splitlines())) > PAGE_LINES}
    assert not long, f"pages over {PAGE_LINES} lines: {long}"


def test_the_readme_opens_with_the_two_commands():
    head = README.read_text(encoding="utf-8").splitlines()[:20]
    assert "    bash setup.sh && .venv/bin/toolkit build agendas/som-26" in head
    assert "    bash setup.sh && .venv/bin/python -m pytest" in head


def test_the_developers_guide_opens_with_the_fast_tier():
    text = (DOCS / "developers.md").read_text(encoding="utf-8")
    commands = [line.strip() for line in text.splitlines() if line.startswith("    .venv/bin/") or
                line.startswith("    bash ")]
    assert commands[0] == '.venv/bin/python -m pytest -m "not slow"'
