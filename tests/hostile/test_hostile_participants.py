"""Hostile registration exports: a list of participants is compiled from a file an event system
(or anyone) produced, so it is untrusted like any source.

Each case adds `participants:` to the basic meeting, builds under the audit hooks (driver.py:
nothing read outside the meeting, the templates and the fonts; no network) and checks the
message, its position, and that no existing output was lost.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from harness import Workspace, check_common, check_failed, prebuilt  # noqa: F401 (fixture)

pytestmark = [pytest.mark.slow]

HEADER = "First Name,Last Name,Country,Position\n"
BLOCK_LINE = 23  # the `file:` line of the block added to the basic meeting.yaml


def _participants(space: Workspace, file: str) -> None:
    with (space.meeting / "meeting.yaml").open("a") as yaml:
        yaml.write(f"participants:\n  file: {file}\n")


def export_zip_bomb(space):
    import openpyxl

    path = space.meeting / "reg.xlsx"
    book = openpyxl.Workbook()
    for row in (["First Name", "Last Name", "Country"], ["Wei", "Zhang", "China"]):
        book.active.append(row)
    book.save(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (60 * 2**20))  # 60 MB of zeros packs to 60 KB
    _participants(space, "reg.xlsx")
    return [f"meeting.yaml:{BLOCK_LINE}:9: error: registration export 'reg.xlsx' unpacks to more than 50 MB"]


def export_of_a_hundred_thousand_rows(space):
    rows = "".join(f"G{i},F{i},China,\n" for i in range(100_000))
    (space.meeting / "reg.csv").write_text(HEADER + rows)
    _participants(space, "reg.csv")
    return ["reg.csv:5001:1: error: the table has more than 5,000 rows, the limit for a list of participants"]


def export_outside_the_meeting(space):
    (space.meeting / "reg.csv").symlink_to("/etc/passwd")
    _participants(space, "reg.csv")
    return [f"meeting.yaml:{BLOCK_LINE}:9: error: registration export 'reg.csv' leads outside the meeting folder"]


CASES = [export_zip_bomb, export_of_a_hundred_thousand_rows, export_outside_the_meeting]


@pytest.mark.parametrize("make", CASES, ids=[c.__name__ for c in CASES])
def test_case(tmp_path: Path, prebuilt: Path, make):
    space = Workspace.make(tmp_path, prebuilt)
    expect = make(space)
    outcome = space.run("--format", "all", "--only", "list-of-participants", timeout=240)
    check_failed(outcome, make.__name__, expect)


def test_formula_injection_is_printed_as_text(tmp_path: Path, prebuilt: Path):
    """Formula-looking cells of a CSV are text: built, printed as written, nothing run or fetched."""
    space = Workspace.make(tmp_path, prebuilt)
    (space.meeting / "reg.csv").write_text(
        HEADER + 'Wei,Zhang,China,"=HYPERLINK(""http://attacker.invalid/x"",""y"")"\n'
        "Aiko,Ueda,Japan,=cmd|' /C calc'!A0\n")
    _participants(space, "reg.csv")
    outcome = space.run("--format", "all", "--only", "list-of-participants", timeout=240)
    check_common(outcome, "formula injection")
    assert outcome.exit_code == 0, outcome.stderr
    import pdfplumber

    with pdfplumber.open(space.out / "list-of-participants.pdf") as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
        assert not any(page.hyperlinks for page in pdf.pages)
    assert '=HYPERLINK("http://attacker.invalid/x","y")' in text
    assert "=cmd|' /C calc'!A0" in text
