"""Tables in their own .csv or .xlsx file: cell texts and positions, and every refusal."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from toolkit.errors import Diagnostics, Position
from toolkit.sources import spreadsheet
from toolkit.sources.spreadsheet import Grid, SheetCell, format_number, read_grid

NOTE = Position("notes/cities.md", 12, 3)


def read(root: Path, rel: str, sheet: str | None = None) -> tuple[Grid | None, list[str]]:
    diags = Diagnostics()
    grid = read_grid(root, rel, sheet, NOTE, diags)
    return grid, [str(d) for d in diags.items]


def texts(grid: Grid) -> list[list[str]]:
    return [[cell.text for cell in row] for row in grid.rows]


def write_csv(root: Path, text: str, name: str = "table.csv", encoding: str = "utf-8") -> str:
    (root / name).write_bytes(text.encode(encoding))
    return name


def workbook(root: Path, rows, name: str = "table.xlsx", title: str = "Data", setup=None) -> str:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if setup:
        setup(book, sheet)
    book.save(root / name)
    return name


# --- CSV -------------------------------------------------------------------------------------

def test_csv_cells_positions_and_numeric(tmp_path):
    rel = write_csv(tmp_path, 'Country, Population ,Share\n"Korea, Republic of","51,628,117",12 %\n'
                              "Mongolia,..,(3)\nJapan,-5.5,\u2014\n")
    grid, errors = read(tmp_path, rel)
    assert errors == []
    assert grid.rel == "table.csv" and grid.sheet is None
    assert texts(grid) == [["Country", "Population", "Share"], ["Korea, Republic of", "51,628,117", "12 %"],
                           ["Mongolia", "..", "(3)"], ["Japan", "-5.5", "\u2014"]]
    assert grid.rows[1][0] == SheetCell("Korea, Republic of", Position("table.csv", 2, 1), False)
    assert grid.rows[1][1] == SheetCell("51,628,117", Position("table.csv", 2, 22), True)
    assert grid.rows[1][2].position == Position("table.csv", 2, 35)
    assert [c.numeric for c in grid.rows[2]] == [False, True, True]
    assert [c.numeric for c in grid.rows[3]] == [False, True, True]
    assert grid.rows[0][1].position == Position("table.csv", 1, 9)


@pytest.mark.parametrize("text, numeric", [
    ("1,234", True), ("-5.5", True), ("\u22125.5", True), ("12%", True), ("12\u00a0%", True), ("(3)", True),
    (".5", True), ("..", True), ("-", True), ("\u2013", True), ("1,23", False), ("12a", False),
    ("n/a", False), ("", False), ("1 234", False), ("2023-10-06", False),
])
def test_csv_numeric_looking_text(text, numeric):
    assert spreadsheet._looks_numeric(text) is numeric


def test_csv_with_bom_semicolons_and_quoted_newline(tmp_path):
    rel = write_csv(tmp_path, '\ufeffName;Amount\n"two\nlines";"1,5"\n\nLast;2\n;\n;\n')
    grid, errors = read(tmp_path, rel)
    assert errors == []
    assert texts(grid) == [["Name", "Amount"], ["two\nlines", "1,5"], ["Last", "2"]]
    assert grid.rows[0][0].position == Position("table.csv", 1, 1)  # the BOM is no column
    assert grid.rows[2][1].position == Position("table.csv", 5, 6)  # after the quoted newline and a blank line


def test_csv_ragged_rows_reported_at_the_cell(tmp_path):
    rel = write_csv(tmp_path, "A,B,C\n1,2,3,4\n1,2\n1,2,3,,\n")
    grid, errors = read(tmp_path, rel)
    assert grid is None
    assert errors == [
        "table.csv:2:7: error: this row has 4 cells but the header has 3: remove the extra cells, or give their "
        "column a header (a cell holding commas must be in double quotes)",
        "table.csv:3:4: error: this row has 2 cells but the header has 3: add the missing cells (an empty cell "
        "is nothing between two commas)",
    ]


def test_csv_empty_header_cell_and_no_rows(tmp_path):
    rel = write_csv(tmp_path, "A,,C\n")
    grid, errors = read(tmp_path, rel)
    assert grid is None
    assert errors == ["table.csv:1:3: error: header cell 2 is empty: give every column a header",
                      "notes/cities.md:12:3: error: table file 'table.csv' has a header row but no rows under it"]


def test_csv_empty_file(tmp_path):
    rel = write_csv(tmp_path, ",,\n\n")
    assert read(tmp_path, rel) == (None, [
        "notes/cities.md:12:3: error: table file 'table.csv' is empty: write the header row and the rows of "
        "the table"])


def test_csv_not_utf8(tmp_path):
    rel = write_csv(tmp_path, "Pays,Montant\nCôte d'Ivoire,3\n", encoding="cp1252")
    assert read(tmp_path, rel) == (None, [
        "table.csv:2:2: error: the table is not UTF-8 text (perhaps Windows-1252): in Excel, save it as "
        "\"CSV UTF-8 (Comma delimited)\""])


def test_csv_unclosed_quote_and_control_character(tmp_path):
    assert read(tmp_path, write_csv(tmp_path, 'A,B\n1,"open\n2,3\n'))[1] == [
        "table.csv:2:3: error: this cell opens a double quote that is never closed: add the closing \""]
    errors = read(tmp_path, write_csv(tmp_path, "A,B\n1,x\x0by\n", "c.csv"))[1]
    assert len(errors) == 1 and errors[0].startswith("c.csv:2:4: error: character U+000B")


def test_csv_too_many_rows_and_columns(tmp_path):
    rows = "A\n" + "1\n" * spreadsheet.MAX_ROWS
    assert read(tmp_path, write_csv(tmp_path, rows))[1] == [
        f"table.csv:{spreadsheet.MAX_ROWS + 1}:1: error: the table has more than 5,000 rows, the limit for a "
        "table in a document: keep the rows the document shows"]
    header = ",".join(f"c{i}" for i in range(51))
    errors = read(tmp_path, write_csv(tmp_path, header + "\n" + ",".join("1" * 51) + "\n", "wide.csv"))[1]
    assert errors == ["wide.csv:1:191: error: the table has 51 columns, more than the limit of 50: keep the "
                      "columns the document shows"]


def test_csv_with_a_sheet_is_refused(tmp_path):
    rel = write_csv(tmp_path, "A\n1\n")
    assert read(tmp_path, rel, "Data")[1] == [
        "notes/cities.md:12:3: error: table file 'table.csv' is a CSV file, which has no sheets: name an .xlsx "
        "file, or leave out the sheet"]


# --- Files ----------------------------------------------------------------------------------

def test_missing_file_and_refused_suffixes(tmp_path):
    assert read(tmp_path, "tables/none.csv")[1] == [
        "notes/cities.md:12:3: error: table file 'tables/none.csv' does not exist: check the name and the "
        "folder (names are case-sensitive)"]
    assert read(tmp_path, "t.xls")[1] == [
        "notes/cities.md:12:3: error: table file 't.xls' is an Excel 97-2003 workbook (.xls): open it in Excel "
        "and save it as an Excel Workbook (.xlsx)"]
    assert read(tmp_path, "t.XLSM")[1][0].endswith("is a macro-enabled workbook (.xlsm): save it as an Excel "
                                                   "Workbook (.xlsx), without macros")
    assert read(tmp_path, "t.ods")[1][0].endswith("is an OpenDocument spreadsheet (.ods): save it as an Excel "
                                                  "Workbook (.xlsx)")
    assert read(tmp_path, "t.txt")[1][0].endswith("must be a CSV file (.csv) or an Excel Workbook (.xlsx)")


def test_symlink_out_of_the_meeting_and_fifo(tmp_path):
    meeting = tmp_path / "meeting"
    meeting.mkdir()
    (tmp_path / "secret.csv").write_text("A\n1\n")
    (meeting / "link.csv").symlink_to(tmp_path / "secret.csv")
    assert read(meeting, "link.csv")[1] == [
        "notes/cities.md:12:3: error: table file 'link.csv' is a link to a file outside the meeting folder: "
        "copy the file itself into the meeting folder"]
    os.mkfifo(meeting / "pipe.csv")
    assert read(meeting, "pipe.csv")[1] == [
        "notes/cities.md:12:3: error: table file 'pipe.csv' is not a regular file (a folder, a pipe or a "
        "device): name a file saved in the meeting folder"]
    (meeting / "inside.csv").write_text("A\n1\n")
    (meeting / "alias.csv").symlink_to("inside.csv")
    grid, errors = read(meeting, "alias.csv")
    assert errors == [] and texts(grid) == [["A"], ["1"]]


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_TABLE_FILE_BYTES", 100)
    rel = write_csv(tmp_path, "A\n" + "1\n" * 100)
    assert read(tmp_path, rel)[1] == [
        "notes/cities.md:12:3: error: table file 'table.csv' is larger than the limit of 9.53674e-05 MB: a table "
        "in a document should be much smaller; keep only the rows and columns it shows"]


# --- XLSX ------------------------------------------------------------------------------------

def test_xlsx_numbers_as_formatted_and_dates(tmp_path):
    table = [
        ["Country", "Population", "Share", "Budget", "Date", "Note"],
        ["China", 1411750000.4, 0.1234, 2.675, dt.date(2023, 10, 6), ".."],
        ["Japan", 12.0, 0.5, -0.0001, dt.datetime(2024, 1, 2, 0, 0), "-"],
        ["Mongolia", 3, 1e-7, 1234567.5, None, "  text  "],
    ]
    formats = {"C4": "#,##0", "D4": "0.0%", "E4": "#,##0.00", "C5": "0.00", "D5": "0%"}

    def place(book, sheet):  # the table from B3, as drafters leave a margin; a formatted empty row below
        for r, row in enumerate(table, 3):
            for c, value in enumerate(row, 2):
                sheet.cell(row=r, column=c, value=value)
        for ref, number_format in formats.items():
            sheet[ref].number_format = number_format
        sheet["H9"].number_format = "0.00"

    rel = workbook(tmp_path, [], setup=place)
    grid, errors = read(tmp_path, rel)
    assert errors == []
    assert grid.sheet is None
    assert texts(grid) == [
        ["Country", "Population", "Share", "Budget", "Date", "Note"],
        ["China", "1,411,750,000", "12.3%", "2.68", "6 October 2023", ".."],
        ["Japan", "12.00", "50%", "-0.0001", "2 January 2024", "-"],
        ["Mongolia", "3", "1e-07", "1234567.5", "", "text"],
    ]
    assert grid.rows[1][1] == SheetCell("1,411,750,000", Position("table.xlsx", 4, 3), True)
    assert grid.rows[0][0] == SheetCell("Country", Position("table.xlsx", 3, 2), False)
    assert [c.numeric for c in grid.rows[1]] == [False, True, True, True, False, True]
    assert grid.rows[3][4] == SheetCell("", Position("table.xlsx", 6, 6), False)


@pytest.mark.parametrize("value, number_format, text", [
    (1234.0, "General", "1234"), (0.1 + 0.2, "General", "0.3"), (1234567.891, "#,##0.00", "1,234,567.89"),
    (2.5, "0", "3"), (-2.5, "0", "-3"), (-0.4, "0", "0"), (0.12345, "0.00%", "12.35%"), (7, "0.0", "7.0"),
    (1234.5, '#,##0_);[Red](#,##0)', "1,235"), (12.5, '"$"#,##0.00', "12.50"), (3.25, "0.00E+00", "3.25"),
])
def test_number_formats(value, number_format, text):
    assert format_number(value, number_format) == text


def test_xlsx_named_sheet_and_missing_sheet(tmp_path):
    def second(book, sheet):
        other = book.create_sheet("Summary")
        other.append(["Total"])
        other.append([42])

    rel = workbook(tmp_path, [["A"], [1]], setup=second)
    grid, errors = read(tmp_path, rel, "Summary")
    assert errors == [] and grid.sheet == "Summary" and texts(grid) == [["Total"], ["42"]]
    assert read(tmp_path, rel, "Annex")[1] == [
        "notes/cities.md:12:3: error: table file 'table.xlsx' has no sheet 'Annex'; its sheets are 'Data', "
        "'Summary'"]


def test_xlsx_formula_without_saved_result(tmp_path):
    # openpyxl writes formulas without their result, as any program that does not compute them
    rel = workbook(tmp_path, [["A", "B", "Sum"], [1, 2, "=A2+B2"], [3, 4, "=SUM(A3:B3)"]])
    grid, errors = read(tmp_path, rel)
    assert grid is None
    assert errors == [
        "table.xlsx:2:3: error: cell C2 holds the formula =A2+B2 but no result was saved with it (the file was "
        "written by a program that does not compute formulas): open and save it in Excel",
        "table.xlsx:3:3: error: cell C3 holds the formula =SUM(A3:B3) but no result was saved with it (the "
        "file was written by a program that does not compute formulas): open and save it in Excel",
    ]


def _patch_sheet(path: Path, edit) -> None:
    """Rewrites xl/worksheets/sheet1.xml as Excel would have saved it (with cached values)."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts["xl/worksheets/sheet1.xml"] = edit(parts["xl/worksheets/sheet1.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, body in parts.items():
            target.writestr(name, body)


def test_xlsx_formula_with_saved_result_and_error_values(tmp_path):
    rel = workbook(tmp_path, [["A", "B", "Sum", "Ratio", "Label"], [1, 2, "=A2+B2", "=A2/0", '=IF(A2>5,"x","")']])
    _patch_sheet(tmp_path / rel, lambda xml: xml
                 .replace(b"<f>A2+B2</f><v></v>", b"<f>A2+B2</f><v>3</v>")
                 .replace(b'<c r="D2" t="str"><f>A2/0</f><v></v>', b'<c r="D2" t="e"><f>A2/0</f><v>#DIV/0!</v>')
                 .replace(b'<c r="D2"><f>A2/0</f><v></v>', b'<c r="D2" t="e"><f>A2/0</f><v>#DIV/0!</v>')
                 .replace(b'<c r="E2"><f>', b'<c r="E2" t="str"><f>'))
    grid, errors = read(tmp_path, rel)
    assert grid is None
    assert errors == ["table.xlsx:2:4: error: cell D2 shows the error #DIV/0!: correct it in Excel, or write "
                      "what the table should show (such as \"..\" for not available)"]
    _patch_sheet(tmp_path / rel, lambda xml: xml.replace(b'<c r="D2" t="e"><f>A2/0</f><v>#DIV/0!</v>',
                                                        b'<c r="D2"><f>A2/4</f><v>0.25</v>'))
    grid, errors = read(tmp_path, rel)
    assert errors == []
    assert texts(grid) == [["A", "B", "Sum", "Ratio", "Label"], ["1", "2", "3", "0.25", ""]]


def test_xlsx_error_value_typed(tmp_path):
    rel = workbook(tmp_path, [["A", "B"], [1, "#REF!"]])
    _patch_sheet(tmp_path / rel, lambda xml: xml.replace(b'<c r="B2" t="inlineStr"><is><t>#REF!</t></is></c>',
                                                        b'<c r="B2" t="e"><v>#REF!</v></c>'))
    assert read(tmp_path, rel)[1] == [
        "table.xlsx:2:2: error: cell B2 shows the error #REF!: correct it in Excel, or write what the table "
        "should show (such as \"..\" for not available)"]


def test_xlsx_merged_cells_and_empty_header(tmp_path):
    def merge(book, sheet):
        sheet.merge_cells("A3:B3")
        sheet.merge_cells("F10:G11")  # outside the table: harmless

    rel = workbook(tmp_path, [["Group", None, "C"], [1, 2, 3], ["both", None, 4]], setup=merge)
    grid, errors = read(tmp_path, rel)
    assert grid is None
    assert errors == [
        "table.xlsx:3:1: error: cells A3:B3 are merged: unmerge them and give each cell its own text (a table "
        "in a document has one value per cell and one header row)",
        "table.xlsx:1:2: error: header cell B1 is empty: give every column a header",
    ]


def test_xlsx_empty_sheet_and_header_only(tmp_path):
    assert read(tmp_path, workbook(tmp_path, []))[1] == [
        "notes/cities.md:12:3: error: sheet 'Data' of 'table.xlsx' is empty: write the header row and the rows "
        "of the table"]
    assert read(tmp_path, workbook(tmp_path, [["A", "B"]], "h.xlsx"))[1] == [
        "notes/cities.md:12:3: error: sheet 'Data' of 'h.xlsx' has a header row but no rows under it"]


def test_xlsx_too_many_rows_and_columns(tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 3)
    monkeypatch.setattr(spreadsheet, "MAX_COLUMNS", 2)
    assert read(tmp_path, workbook(tmp_path, [["A"], [1], [2], [3]]))[1] == [
        "table.xlsx:4:1: error: cell A4 is past row 3, the limit for a table in a document: keep the rows the "
        "document shows"]
    assert read(tmp_path, workbook(tmp_path, [["A", "B", "C"], [1, 2, 3]], "w.xlsx"))[1] == [
        "w.xlsx:1:3: error: cell C1 is past column 2 (B), the limit for a table in a document: keep the columns "
        "the document shows",
        "w.xlsx:2:3: error: cell C2 is past column 2 (B), the limit for a table in a document: keep the columns "
        "the document shows"]


def test_xlsx_lying_dimension_is_not_trusted(tmp_path):
    rel = workbook(tmp_path, [["A"], [1]])
    _patch_sheet(tmp_path / rel, lambda xml: xml.replace(b'<dimension ref="A1:A2"/>',
                                                        b'<dimension ref="A1:XFD1048576"/>'))
    grid, errors = read(tmp_path, rel)
    assert errors == [] and texts(grid) == [["A"], ["1"]]


# --- Hostile .xlsx ---------------------------------------------------------------------------

def test_zip_bomb_refused_before_openpyxl(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 2**20))
    assert path.stat().st_size < 200_000
    assert read(tmp_path, "bomb.xlsx")[1] == [
        "notes/cities.md:12:3: error: table file 'bomb.xlsx' unpacks to more than 50 MB (a zip bomb?): keep only "
        "the table"]
    with zipfile.ZipFile(tmp_path / "ratio.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b" " * (20 * 2**20))
    assert read(tmp_path, "ratio.xlsx")[1] == [
        "notes/cities.md:12:3: error: table file 'ratio.xlsx' has a part (xl/sharedStrings.xml) compressed 1028 "
        "times, which no spreadsheet is (a zip bomb?)"]


def test_too_many_members(tmp_path):
    with zipfile.ZipFile(tmp_path / "many.xlsx", "w") as archive:
        for index in range(spreadsheet.MAX_MEMBERS + 1):
            archive.writestr(f"xl/media/{index}.bin", b"")
    assert read(tmp_path, "many.xlsx")[1] == [
        "notes/cities.md:12:3: error: table file 'many.xlsx' holds 1001 parts, more than the 1000 an Excel "
        "Workbook needs (a zip bomb?)"]


@pytest.mark.parametrize("declaration", [
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    '<!ENTITY lol "lol">'.encode("utf-16-le"),
])
def test_dtd_in_a_part_refused(tmp_path, declaration):
    rel = workbook(tmp_path, [["A"], [1]])
    _patch_sheet(tmp_path / rel, lambda xml: declaration + xml)
    assert read(tmp_path, rel)[1] == [
        "notes/cities.md:12:3: error: table file 'table.xlsx' has a part (xl/worksheets/sheet1.xml) that "
        "declares a DTD, which an Excel Workbook never does: open it in Excel and save it again"]


def test_not_a_workbook(tmp_path):
    (tmp_path / "old.xlsx").write_bytes(spreadsheet.OLE_MAGIC + b"\0" * 512)
    assert read(tmp_path, "old.xlsx")[1] == [
        "notes/cities.md:12:3: error: table file 'old.xlsx' is an Excel 97-2003 workbook (.xls) or a workbook "
        "protected with a password: save it in Excel as an Excel Workbook (.xlsx), without a password"]
    (tmp_path / "text.xlsx").write_text("A,B\n")
    assert read(tmp_path, "text.xlsx")[1] == [
        "notes/cities.md:12:3: error: table file 'text.xlsx' is not an Excel Workbook (.xlsx): save it in Excel "
        "as an Excel Workbook (.xlsx)"]
    with zipfile.ZipFile(tmp_path / "ods.xlsx", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert read(tmp_path, "ods.xlsx")[1] == [
        "notes/cities.md:12:3: error: table file 'ods.xlsx' is an OpenDocument spreadsheet (.ods) named .xlsx: "
        "save it as an Excel Workbook (.xlsx)"]
    with zipfile.ZipFile(tmp_path / "broken.xlsx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook")
    assert read(tmp_path, "broken.xlsx")[1][0].startswith(
        "notes/cities.md:12:3: error: table file 'broken.xlsx' cannot be read as an Excel Workbook (")


def test_external_links_are_not_followed(tmp_path, monkeypatch):
    def link(book, sheet):
        sheet["B2"] = "='[other.xlsx]Sheet1'!A1"

    rel = workbook(tmp_path, [["A", "B"], [1]], setup=link)
    _patch_sheet(tmp_path / rel, lambda xml: xml.replace(b"</f><v></v>", b"</f><v>7</v>"))
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda file, *a, **k: opened.append(str(file)) or real_open(file, *a, **k))
    grid, errors = read(tmp_path, rel)
    assert errors == [] and texts(grid) == [["A", "B"], ["1", "7"]]
    assert not any("other.xlsx" in name for name in opened)
