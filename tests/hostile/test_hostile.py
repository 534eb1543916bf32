"""Hostile and faulty input (tests/hostile/cases.txt and the cases below): nothing read, fetched or
run outside the meeting; a clear message naming file and line; nothing lost."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from harness import HERE, Workspace, check_common, check_failed, prebuilt  # noqa: F401 (fixture)

CASES = HERE / "cases.txt"


def _parse(text: str) -> list[tuple[str, dict, dict, int, list[str]]]:
    cases = []
    for block in re.split(r"^=== ", text, flags=re.M)[1:]:
        name, _, rest = block.partition("\n")
        files: dict[str, bytes] = {}
        templates: dict[str, tuple[str, bytes]] = {}
        expect_code, expect, current = None, [], None
        for line in rest.split("\n"):
            if line.startswith(">>> "):
                words = line[4:].split()
                if words[0] == "expect":
                    expect_code, current = int(words[1]), ("expect",)
                elif words[0] in ("template", "template+"):
                    current = ("template", words[1])
                    templates[words[1]] = ("append" if words[0] == "template+" else "replace", b"")
                else:
                    current = ("file", words[0])
                    files[words[0]] = b""
                continue
            if current is None:
                continue
            if current[0] == "expect":
                if line.strip():
                    expect.append(line)
                continue
            raw = re.sub(rb"\\x([0-9a-f]{2})", lambda m: bytes([int(m[1], 16)]), line.encode()) + b"\n"
            if current[0] == "file":
                files[current[1]] += raw
            else:
                mode, data = templates[current[1]]
                templates[current[1]] = (mode, data + raw)
        cases.append((name.strip(), files, templates, expect_code, expect))
    return cases


CASE_LIST = _parse(CASES.read_text(encoding="utf-8"))


def _pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
    return " ".join(text.replace("\u2010\n", "").split())  # a word hyphenated at a line's end, whole again


@pytest.mark.slow
@pytest.mark.parametrize("name,files,templates,code,expect", CASE_LIST, ids=[c[0] for c in CASE_LIST])
def test_case(tmp_path: Path, prebuilt: Path, name, files, templates, code, expect):
    space = Workspace.make(tmp_path, prebuilt)
    for rel, data in files.items():
        (space.meeting / rel).parent.mkdir(parents=True, exist_ok=True)  # issued/ records are new folders
        (space.meeting / rel).write_bytes(data)
    for rel, (mode, data) in templates.items():
        target = space.templates / rel
        target.write_bytes((target.read_bytes() if mode == "append" else b"") + data)
    outcome = space.run("--format", "pdf")
    where = f"{CASES.name}: {name}"
    if code == 1:
        check_failed(outcome, where, expect)
        return
    check_common(outcome, where)
    assert outcome.exit_code == 0, f"{where}: exit {outcome.exit_code}\n{outcome.stderr}"
    shown = " ".join(_pdf_text(pdf) for pdf in (space.out / "cities.pdf", space.out / "cities-annex-I.pdf")
                     if pdf.exists())
    for wanted in expect:
        assert wanted in shown, f"{where}: the PDF does not show {wanted!r}"


def test_the_suite_has_forty_cases():
    from test_faults import FAULT_CASES
    from test_hostile_files import CASES as FILE_CASES

    assert len(CASE_LIST) + len(FILE_CASES) + len(FAULT_CASES) >= 40


