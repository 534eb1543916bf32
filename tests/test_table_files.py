"""A note's table kept in a spreadsheet, through `toolkit check`: its mistakes named at the cell."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from conftest import copy_meeting, run_cli

NOTE = """---
item: 2 (b)
title: Contributions
date: 2023-10-06
---
Some text.

Table: Contributions {{#fund file="tables/fund.xlsx"{extra}}}
"""


def _meeting(tmp_path: Path, rows: list[list[object]], extra: str = "", sheet: str = "Contributions") -> Path:
    meeting = copy_meeting("basic", tmp_path)
    (meeting / "tables").mkdir()
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.save(meeting / "tables" / "fund.xlsx")
    (meeting / "notes" / "cities.md").write_text(NOTE.format(extra=extra))
    return meeting


def _errors(meeting: Path) -> list[str]:
    result = run_cli("check", meeting)
    assert result.exit_code == 1
    return [line for line in result.stderr.splitlines() if ": error: " in line]


def test_a_missing_sheet_is_named_with_the_sheets_there_are(tmp_path):
    meeting = _meeting(tmp_path, [["State", "2023"], ["China", 1]], extra=' sheet="2024"')
    [error] = _errors(meeting)
    assert error.startswith("notes/cities.md:8:1: error: table file 'tables/fund.xlsx' has no sheet '2024'")
    assert "Contributions" in error


def test_a_formula_without_its_saved_result_is_named_at_its_cell(tmp_path):
    meeting = _meeting(tmp_path, [["State", "2022", "2023"], ["China", 1, 2], ["Total", "=SUM(B2:B2)", 2]])
    [error] = _errors(meeting)
    assert error.startswith("tables/fund.xlsx:3:2: error: cell B3 holds the formula =SUM(B2:B2) but no result "
                            "was saved with it")


def test_a_good_workbook_checks_clean(tmp_path):
    meeting = _meeting(tmp_path, [["State", "2023"], ["China", 100000], ["Japan", 50000]], extra=" total=last")
    result = run_cli("check", meeting)
    assert result.exit_code == 0, result.stderr


def _build_in_a_fresh_process(meeting: Path, out: Path) -> list[str]:
    """Builds (PDF) in a new interpreter; -> the spreadsheet modules it imported."""
    import subprocess
    import sys

    script = ("import sys; from pathlib import Path; from toolkit.pipeline.build import Options, build; "
              f"r = build(Path({str(meeting)!r}), Path({str(out)!r}), Options(formats=('pdf',), jobs=1)); "
              "assert not r.failed, r.failed; print(' '.join(m for m in sys.modules if m.startswith('openpyxl')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_workbooks_read_once_are_kept_by_content(tmp_path):
    meeting = _meeting(tmp_path, [["State", "2023"], ["China", 100000], ["Japan", 50000]])
    out = tmp_path / "out"
    assert _build_in_a_fresh_process(meeting, out), "the first build reads the workbook with openpyxl"
    assert list((out / ".toolkit-cache" / "grids").glob("*.json"))
    assert _build_in_a_fresh_process(meeting, out) == [], "nothing changed: openpyxl is not even imported"

    # a changed workbook is a new key: read again, and the document shows the new figure
    book = openpyxl.load_workbook(meeting / "tables" / "fund.xlsx")
    book.active["B2"] = 123456
    book.save(meeting / "tables" / "fund.xlsx")
    assert _build_in_a_fresh_process(meeting, out)
    import pypdf

    text = "".join(page.extract_text() for page in pypdf.PdfReader(out / "cities.pdf").pages)
    assert "123456" in text and "100000" not in text


def test_a_damaged_cache_entry_is_read_past(tmp_path):
    meeting = _meeting(tmp_path, [["State", "2023"], ["China", 100000]])
    out = tmp_path / "out"
    _build_in_a_fresh_process(meeting, out)
    for entry in (out / ".toolkit-cache" / "grids").glob("*.json"):
        entry.write_text('[[["forged", 1, 1, "not a bool"]]]')
    (out / "cities.pdf").unlink()  # rebuild the note from the workbook, not from the forged entry
    assert _build_in_a_fresh_process(meeting, out), "the entry is ignored and the workbook read again"
    import pypdf

    text = "".join(page.extract_text() for page in pypdf.PdfReader(out / "cities.pdf").pages)
    assert "100000" in text and "forged" not in text
