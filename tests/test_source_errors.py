"""Every source mistake of tests/cases/source-errors.txt gives exactly its diagnostics."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import TESTS, copy_meeting, run_cli

CASES = TESTS / "cases" / "source-errors.txt"


def _parse_cases(text: str) -> list[tuple[str, int, dict[str, bytes], list[str]]]:
    cases = []
    for block in re.split(r"^=== ", text, flags=re.M)[1:]:
        name, _, rest = block.partition("\n")
        line_no = text[: text.index("=== " + block[:40])].count("\n") + 1
        files: dict[str, bytes] = {}
        expect: list[str] = []
        current = None
        for line in rest.split("\n"):
            if line.startswith(">>> "):
                current = line[4:].strip()
                if current != "expect":
                    files[current] = b""
                continue
            if current == "expect":
                if line.strip():
                    expect.append(line)
            elif current is not None:
                raw = re.sub(rb"\\x([0-9a-f]{2})", lambda m: bytes([int(m[1], 16)]), line.encode())
                files[current] += raw + b"\n"
        cases.append((name.strip(), line_no, files, expect))
    return cases


CASE_LIST = _parse_cases(CASES.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name,line_no,files,expect", CASE_LIST, ids=[c[0] for c in CASE_LIST])
def test_case(tmp_path: Path, name: str, line_no: int, files: dict[str, bytes], expect: list[str]):
    meeting = copy_meeting("basic", tmp_path)
    for rel, data in files.items():
        (meeting / rel).parent.mkdir(parents=True, exist_ok=True)
        (meeting / rel).write_bytes(data)
    result = run_cli("check", meeting)
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    where = f"{CASES.name}:{line_no} ({name})"
    assert len(errors) == len(expect), f"{where}: expected {expect}, got {errors}"
    for wanted, got in zip(expect, errors, strict=True):
        assert got.startswith(wanted), f"{where}: expected {wanted!r}, got {got!r}"
    assert result.exit_code == (1 if expect else 0), f"{where}: exit {result.exit_code}\n{result.stderr}"
    assert "Traceback" not in result.stderr


def test_case_file_has_the_cases_the_issue_names():
    names = {c[0] for c in CASE_LIST}
    for required in ("unknown agenda item", "malformed agenda item citation", "duplicate agenda numbers and letters",
                     "missing annex file", "undefined footnote", "unknown front-matter key", "invalid date",
                     "impossible date", "duplicate YAML key", "YAML syntax error", "unknown Jinja name in the body"):
        assert required in names
