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
