"""Hostile tables and pictures: spreadsheets and images are untrusted input like any source.

Each case writes a table or figure into the basic meeting's first annex, builds it under
the audit hooks (driver.py: no file read outside the meeting, the templates and the fonts,
no network), and checks the error, its position, and that nothing was lost.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from harness import Workspace, check_common, check_failed, prebuilt  # noqa: F401 (fixture)

pytestmark = [pytest.mark.slow]

ANNEX = "annexes/first.md"


def _table(space: Workspace, file: str, extra: str = "") -> None:
    (space.meeting / ANNEX).write_text(f"Table: Contributions {{#fund file=\"{file}\"{extra}}}\n")


def _figure(space: Workspace, file: str) -> None:
    (space.meeting / ANNEX).write_text(f"Figure: Emissions\n\n![A bar chart of emissions]({file})\n")


def _xlsx(path: Path, rows: list[list[object]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


def xlsx_zip_bomb(space):
    path = space.meeting / "fund.xlsx"
    _xlsx(path, [["State", "2023"], ["China", 1]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/media/padding.bin", b"\0" * (60 * 2**20))  # 60 MB of zeros packs to 60 KB
    _table(space, "fund.xlsx")
    return [f"{ANNEX}:1:1: error: table file 'fund.xlsx'"]


def xlsx_with_a_dtd(space):
    path = space.meeting / "fund.xlsx"
    _xlsx(path, [["State", "2023"], ["China", 1]])
    members = {}
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            members[name] = book.read(name)
    members["xl/worksheets/sheet1.xml"] = (b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                                           + members["xl/worksheets/sheet1.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in members.items():
            book.writestr(name, data)
    _table(space, "fund.xlsx")
    return [f"{ANNEX}:1:1: error: table file 'fund.xlsx'"]


def table_file_outside_the_meeting(space):
    _table(space, "../../../etc/passwd.csv")
    return [f"{ANNEX}:1:1: error: table file '../../../etc/passwd.csv' must be a path inside the meeting folder"]


def table_file_linked_out(space):
    (space.meeting / "fund.csv").symlink_to("/etc/passwd")
    _table(space, "fund.csv")
    return [f"{ANNEX}:1:1: error: table file 'fund.csv' leads outside the meeting folder"]


def svg_with_a_local_file(space):
    (space.meeting / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
        '<image xlink:href="file:///etc/passwd" width="10" height="10"/></svg>')
    _figure(space, "chart.svg")
    return [f"{ANNEX}:3:1: error: image file 'chart.svg'"]


def svg_with_a_web_address(space):
    (space.meeting / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<image href="http://169.254.169.254/latest/meta-data/x.png" width="10" height="10"/></svg>')
    _figure(space, "chart.svg")
    return [f"{ANNEX}:3:1: error: image file 'chart.svg'"]


def svg_with_a_script(space):
    (space.meeting / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">'
        '<script>alert(1)</script></svg>')
    _figure(space, "chart.svg")
    return [f"{ANNEX}:3:1: error: image file 'chart.svg'"]


def png_of_a_hundred_megapixels(space):
    """A few hundred bytes claiming 10,000 x 10,000 pixels: decoding it would take 300 MB."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 10_000, 10_000, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) \
        + chunk(b"IEND", b"")
    (space.meeting / "bomb.png").write_bytes(data)
    _figure(space, "bomb.png")
    return [f"{ANNEX}:3:1: error: image file 'bomb.png'"]


def picture_outside_the_meeting(space):
    _figure(space, "/usr/share/pixmaps/debian-logo.png")
    return [f"{ANNEX}:3:1: error: image file '/usr/share/pixmaps/debian-logo.png' must be a path inside the "
            "meeting folder"]


def _emblem(space: Workspace, file: str) -> int:
    """meeting.yaml gets `emblem: file` as its last line; its line number."""
    path = space.meeting / "meeting.yaml"
    text = path.read_text().rstrip("\n") + "\n"
    path.write_text(text + f"emblem: {file}\n")
    return text.count("\n") + 1


def emblem_outside_the_meeting(space):
    line = _emblem(space, "/usr/share/pixmaps/debian-logo.png")
    return [f"meeting.yaml:{line}:9: error: emblem file '/usr/share/pixmaps/debian-logo.png' must be a path "
            "inside the meeting folder"]


def emblem_svg_with_a_script(space):
    (space.meeting / "emblem.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                                              '<script>alert(1)</script><circle r="4"/></svg>')
    line = _emblem(space, "emblem.svg")
    return [f"meeting.yaml:{line}:9: error: image file 'emblem.svg'"]


CASES = [xlsx_zip_bomb, xlsx_with_a_dtd, table_file_outside_the_meeting, table_file_linked_out,
         svg_with_a_local_file, svg_with_a_web_address, svg_with_a_script, png_of_a_hundred_megapixels,
         picture_outside_the_meeting, emblem_outside_the_meeting, emblem_svg_with_a_script]


@pytest.mark.parametrize("make", CASES, ids=[c.__name__ for c in CASES])
def test_case(tmp_path: Path, prebuilt: Path, make):
    space = Workspace.make(tmp_path, prebuilt)
    expect = make(space)
    outcome = space.run("--format", "all", "--only", "cities", timeout=240)
    check_failed(outcome, make.__name__, expect)


def test_a_good_table_and_figure_build_under_the_hooks(tmp_path: Path, prebuilt: Path):
    """The same paths with honest files: built, and nothing outside the meeting read."""
    space = Workspace.make(tmp_path, prebuilt)
    _xlsx(space.meeting / "fund.xlsx", [["State", "2023"], ["China", 100000], ["Japan", 50000]])
    (space.meeting / "chart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10">'
                                             '<rect width="10" height="10" fill="#336"/></svg>')
    (space.meeting / ANNEX).write_text('Table: Contributions {#fund file="fund.xlsx"}\n\n'
                                       'Figure: Emissions\n\n![A bar chart of emissions](chart.svg)\n')
    outcome = space.run("--format", "all", "--only", "cities", timeout=240)
    check_common(outcome, "good table and figure")
    assert outcome.exit_code == 0, outcome.stderr
    assert (space.out / "cities-annex-I.pdf").read_bytes() != outcome.before.get("cities-annex-I.pdf")
