"""A table kept in its own file (.csv or .xlsx) -> a Grid of cell texts, each with its position.

The file comes from a partner organization, so it is read like any source: it must be a
plain file of the meeting folder, small, and an .xlsx is checked as a zip (sizes,
compression, DTDs) before openpyxl opens it. openpyxl reads it in read-only (streaming)
mode, twice: once for the formulas, once for the values Excel saved with them.

What the Grid holds, so the renderers need not decide it again:

* the table is the smallest rectangle holding every non-empty cell: fully empty rows and
  columns around it (Excel keeps formatted ones) are dropped; an empty row *inside* the
  table stays, as a row of empty cells. For CSV, a line with no character at all is
  skipped; a row of empty cells (",,,") is kept unless it trails the table.
* the first row is the header: every header cell must have text.
* `text` is what the document prints: CSV cells as written (stripped); .xlsx numbers
  formatted by their number format for the common formats (General, 0, 0.0, 0.00,
  #,##0, #,##0.00, 0%, 0.0%, 0.00%; other formats print as General), rounded half away
  from zero as Excel does, "-" for negative numbers; dates as "6 October 2023".
* `numeric` is True for a number, and for a text that reads as one in a UN table:
  "1,234", "-5.5", "−5.5", "12 %", "(3)", and the signs for "not available" and "nil"
  (".." "-" "–" "—"), so a column of figures with gaps still aligns right. An empty cell
  is not numeric: a renderer deciding a column's alignment should skip empty cells.
* merged cells are refused anywhere in the table (the Grid has one value per cell and a
  single header row), and so are formulas without a saved result and error values.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path, PurePosixPath

from toolkit.errors import Diagnostics, Position
from toolkit.sources.grid_cache import GridCache
from toolkit.sources.meeting_file import read_meeting_file
from toolkit.sources.text import decode

MAX_TABLE_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5_000  # a table in a document, not a database
MAX_COLUMNS = 50
# .xlsx as a zip, checked before openpyxl reads it (Python's zipfile never unpacks more
# than a member's declared size, so the declared sizes are the ones to check).
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100  # unpacked / packed, for any member over a megabyte
MAX_MEMBERS = 1_000
# Cells openpyxl hands over while streaming, counting the empty ones it pads rows with:
# bounds the work on a sheet formatted far past its table (e.g. a border down to row 1,000,000).
MAX_CELLS_SCANNED = 2_000_000
MAX_REPORTED_CELLS = 20  # per kind of problem: the first ones are enough

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any workbook saved with a password
_DTD_MARKS = tuple(mark.encode(codec) for mark in ("<!DOCTYPE", "<!ENTITY")
                   for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
_XML_PART = (".xml", ".rels", ".vml")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]{1,3}[0-9]{1,7}(?::[A-Z]{1,3}[0-9]{1,7})?)\"")
# The characters text.py refuses in sources: control characters, noncharacters, bidi overrides.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")

_REFUSED_SUFFIXES = {
    ".xls": "is an Excel 97-2003 workbook (.xls): open it in Excel and save it as an Excel Workbook (.xlsx)",
    ".xlsm": "is a macro-enabled workbook (.xlsm): save it as an Excel Workbook (.xlsx), without macros",
    ".xlsb": "is a binary Excel workbook (.xlsb): save it as an Excel Workbook (.xlsx)",
    ".ods": "is an OpenDocument spreadsheet (.ods): save it as an Excel Workbook (.xlsx)",
    ".numbers": "is a Numbers spreadsheet: export it as an Excel Workbook (.xlsx)",
    ".tsv": "is tab-separated text: save it as CSV UTF-8 (.csv) or as an Excel Workbook (.xlsx)",
}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_NUMBER_BODY = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_NUMERIC_TEXT = re.compile(rf"(?:[+\-\u2212]?(?:{_NUMBER_BODY})|\((?:{_NUMBER_BODY})\))(?:[ \u00a0\u202f]?%)?")
NOT_AVAILABLE_SIGNS = frozenset({"..", "-", "\u2013", "\u2014"})  # .. not available; - – — nil
_SIMPLE_FORMAT = re.compile(r"(#,##)?0(?:\.(0+))?(%?)")


@dataclass(frozen=True)
class SheetCell:
    text: str            # as the document prints it
    position: Position   # file:row:column (1-based; for .xlsx the row and column of the cell)
    numeric: bool        # a number (to align right)


@dataclass(frozen=True)
class Grid:
    rel: str
    sheet: str | None
    rows: tuple[tuple[SheetCell, ...], ...]   # first row = header


ROW_LIMIT = "the limit for a table in a document: keep the rows the document shows"


def read_grid(root: Path, rel: str, sheet: str | None, pos: Position, diags: Diagnostics,
              cache: GridCache | None = None, *, kind: str = "table file", row_limit: str = ROW_LIMIT) -> Grid | None:
    """The table in root/rel (the first sheet of an .xlsx unless `sheet` names one), or None
    after reporting every problem found (at the cell, or at `pos` for the file as a whole).
    cache: workbooks already read, by content (only a good table is kept).
    kind: how messages name the file ("registration export"); row_limit: what they say past MAX_ROWS."""
    suffix = PurePosixPath(rel).suffix.lower()
    if suffix in _REFUSED_SUFFIXES:
        diags.error(pos, f"{kind} {rel!r} {_REFUSED_SUFFIXES[suffix]}")
        return None
    if suffix not in (".csv", ".xlsx"):
        diags.error(pos, f"{kind} {rel!r} must be a CSV file (.csv) or an Excel Workbook (.xlsx)")
        return None
    if suffix == ".csv" and sheet is not None:
        diags.error(pos, f"{kind} {rel!r} is a CSV file, which has no sheets: name an .xlsx file, "
                         "or leave out the sheet")
        return None
    data = read_meeting_file(root, rel, pos, diags, limit=MAX_TABLE_FILE_BYTES, kind=kind)
    if data is None:
        return None
    key = GridCache.key(data, rel, sheet) if cache is not None and suffix == ".xlsx" else None
    kept = cache.get(key) if key else None
    if kept is not None:
        rows = tuple(tuple(SheetCell(text, Position(rel, line, col), numeric) for text, line, col, numeric in row)
                     for row in kept)
        return Grid(rel, sheet, rows)
    before = len(diags.errors)
    if suffix == ".csv":
        rows = _csv_rows(data, rel, pos, diags, kind, row_limit)
    else:
        rows = _xlsx_rows(data, rel, sheet, pos, diags, kind, row_limit)
    if rows is None or len(diags.errors) > before:
        return None
    if key:
        cache.put(key, [[(c.text, c.position.line, c.position.col or 0, c.numeric) for c in row] for row in rows])
    return Grid(rel, sheet if suffix == ".xlsx" else None, rows)


# --- CSV -------------------------------------------------------------------------------------

@dataclass
class _Record:
    fields: list[tuple[str, int, int]]  # text, line, column of its first character
    end: tuple[int, int]                # line and column just after the record's last character


def _csv_rows(data: bytes, rel: str, pos: Position, diags: Diagnostics, kind: str, row_limit: str):
    try:
        if not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM: decode() reads it
            data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line = data.count(b"\n", 0, offset) + 1
        col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        diags.error(Position(rel, line, col), "the table is not UTF-8 text (perhaps Windows-1252): in Excel, "
                                              "save it as \"CSV UTF-8 (Comma delimited)\"")
        return None
    text = decode(data, rel, diags)  # BOM, UTF-16 with BOM, forbidden characters, newlines
    if text is None:
        return None
    delimiter = _sniff(text)
    records = _parse_csv(text, delimiter, rel, diags)
    if records is None:
        return None
    while records and not any(value.strip() for value, _, _ in records[-1].fields):
        records.pop()
    if not records:
        diags.error(pos, f"{kind} {rel!r} is empty: write the header row and the rows of the table")
        return None
    header = records[0].fields
    width = len(header)
    while width > 1 and not header[width - 1][0].strip():
        width -= 1  # trailing empty columns; a cell below them is reported as extra
    if width > MAX_COLUMNS:
        _, line, col = header[MAX_COLUMNS]
        diags.error(Position(rel, line, col), f"the table has {width} columns, more than the limit of "
                                              f"{MAX_COLUMNS}: keep the columns the document shows")
        return None
    if len(records) > MAX_ROWS:
        _, line, col = records[MAX_ROWS].fields[0]
        diags.error(Position(rel, line, col), f"the table has more than {MAX_ROWS:,} rows, {row_limit}")
        return None
    sep = "commas" if delimiter == "," else "semicolons"
    rows = []
    for index, record in enumerate(records):
        fields = record.fields
        used = len(fields)
        while used > width and not fields[used - 1][0].strip():
            used -= 1
        if used > width:
            _, line, col = fields[width]
            diags.error(Position(rel, line, col), f"this row has {used} cells but the header has {width}: "
                                                  f"remove the extra cells, or give their column a header "
                                                  f"(a cell holding {sep} must be in double quotes)")
            continue
        if used < width:
            line, col = record.end
            diags.error(Position(rel, line, col), f"this row has {used} cells but the header has {width}: "
                                                  f"add the missing cells (an empty cell is nothing between "
                                                  f"two {sep})")
            continue
        row = []
        for column, (value, line, col) in enumerate(fields[:width]):
            cell_text = value.strip()
            if index == 0 and not cell_text:
                diags.error(Position(rel, line, col), f"header cell {column + 1} is empty: give every column "
                                                      "a header")
            row.append(SheetCell(cell_text, Position(rel, line, col), _looks_numeric(cell_text)))
        rows.append(tuple(row))
    if len(records) == 1:
        diags.error(pos, f"{kind} {rel!r} has a header row but no rows under it")
    return tuple(rows)


def _sniff(text: str) -> str:
    """Semicolon when the header line holds more semicolons than commas (Excel in many
    European locales writes them), else comma."""
    first = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    return ";" if first.count(";") > first.count(",") else ","


def _parse_csv(text: str, delimiter: str, rel: str, diags: Diagnostics) -> list[_Record] | None:
    """RFC 4180 records with the position of every field; None after an unclosed quote."""
    stop = re.compile(f"[{re.escape(delimiter)}\n]")
    records: list[_Record] = []
    i, n, line, col = 0, len(text), 1, 1
    while i < n:
        if text[i] == "\n":  # a line with nothing on it
            i, line, col = i + 1, line + 1, 1
            continue
        fields: list[tuple[str, int, int]] = []
        while True:
            start_line, start_col = line, col
            if i < n and text[i] == '"':
                parts = []
                i, col = i + 1, col + 1
                while True:
                    close = text.find('"', i)
                    if close < 0:
                        diags.error(Position(rel, start_line, start_col),
                                    "this cell opens a double quote that is never closed: add the closing \"")
                        return None
                    chunk = text[i:close]
                    parts.append(chunk)
                    newlines = chunk.count("\n")
                    if newlines:
                        line, col = line + newlines, len(chunk) - chunk.rfind("\n")
                    else:
                        col += len(chunk)
                    if text.startswith('""', close):
                        parts.append('"')
                        i, col = close + 2, col + 2
                        continue
                    i, col = close + 1, col + 1
                    break
                found = stop.search(text, i)  # anything after the closing quote is kept as written
                end = found.start() if found else n
                parts.append(text[i:end])
                col += end - i
                i = end
                value = "".join(parts)
            else:
                found = stop.search(text, i)
                end = found.start() if found else n
                value = text[i:end]
                col += end - i
                i = end
            fields.append((value, start_line, start_col))
            if i < n and text[i] == delimiter:
                i, col = i + 1, col + 1
                continue
            records.append(_Record(fields, (line, col)))
            if i < n:  # the newline
                i, line, col = i + 1, line + 1, 1
            break
    return records


# --- XLSX ------------------------------------------------------------------------------------

def _xlsx_rows(data: bytes, rel: str, sheet: str | None, pos: Position, diags: Diagnostics, kind: str,
                row_limit: str):
    problem = _zip_problem(data)
    if problem:
        diags.error(pos, f"{kind} {rel!r} {problem}")
        return None
    import mimetypes

    # openpyxl makes a MimeTypes table when imported, which reads /etc/mime.types: the
    # toolkit reads nothing outside the meeting, the templates and the fonts.
    mimetypes.knownfiles = []
    import openpyxl

    books = []
    try:
        with warnings.catch_warnings():
            # openpyxl warns of every feature it does not keep (data validation, slicers...):
            # none of them matters for the values of a table.
            warnings.simplefilter("ignore")
            for data_only in (False, True):
                books.append(openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only,
                                                    keep_links=False, keep_vba=False))
            return _sheet_rows(data, books[0], books[1], rel, sheet, pos, diags, kind, row_limit)
    except Exception as exc:  # noqa: BLE001 - a damaged partner file can fail anywhere inside openpyxl
        diags.error(pos, f"{kind} {rel!r} cannot be read as an Excel Workbook ({type(exc).__name__}): "
                         "open it in Excel and save it again as an Excel Workbook (.xlsx)")
        return None
    finally:
        for book in books:
            book.close()


def _zip_problem(data: bytes) -> str | None:
    if data.startswith(OLE_MAGIC):
        return ("is an Excel 97-2003 workbook (.xls) or a workbook protected with a password: save it in "
                "Excel as an Excel Workbook (.xlsx), without a password")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return "is not an Excel Workbook (.xlsx): save it in Excel as an Excel Workbook (.xlsx)"
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            return f"holds {len(infos)} parts, more than the {MAX_MEMBERS} an Excel Workbook needs (a zip bomb?)"
        if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
            return f"unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB (a zip bomb?): keep only the table"
        for info in infos:
            if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                return (f"has a part ({info.filename}) compressed {info.file_size // max(info.compress_size, 1)}"
                        " times, which no spreadsheet is (a zip bomb?)")
        names = {i.filename for i in infos}
        try:
            if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
                return "is an OpenDocument spreadsheet (.ods) named .xlsx: save it as an Excel Workbook (.xlsx)"
            for info in infos:
                if info.filename.lower().endswith(_XML_PART) or info.filename == "[Content_Types].xml":
                    body = archive.read(info)
                    if any(mark in body for mark in _DTD_MARKS):
                        return (f"has a part ({info.filename}) that declares a DTD, which an Excel Workbook "
                                "never does: open it in Excel and save it again")
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, ValueError):
            return "is damaged (a part cannot be unpacked): open it in Excel and save it again"
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        return "is a zip file but not an Excel Workbook (.xlsx): save it in Excel as an Excel Workbook (.xlsx)"
    return None


def _sheet_rows(data: bytes, formulas, values, rel: str, sheet: str | None, pos: Position, diags: Diagnostics,
                kind: str, row_limit: str):
    names = formulas.sheetnames
    if not names:
        diags.error(pos, f"{kind} {rel!r} has no sheets")
        return None
    name = names[0] if sheet is None else sheet
    if name not in names:
        listed = ", ".join(repr(n) for n in names)
        diags.error(pos, f"{kind} {rel!r} has no sheet {name!r}; its sheets are {listed}")
        return None
    ws_formulas, ws_values = formulas[name], values[name]
    if not hasattr(ws_formulas, "iter_rows"):
        diags.error(pos, f"sheet {name!r} of {rel!r} is a chart, not a table: name the sheet with the figures")
        return None
    for ws in (ws_formulas, ws_values):
        ws.reset_dimensions()  # the saved dimension may be wrong (or hostile): read what is there

    cells: dict[tuple[int, int], SheetCell] = {}
    reported: dict[str, int] = {}

    def report(kind: str, row: int, col: int, message: str) -> None:
        reported[kind] = reported.get(kind, 0) + 1
        if reported[kind] <= MAX_REPORTED_CELLS:
            diags.error(Position(rel, row, col), message)

    scanned = 0
    for row_index, (row_f, row_v) in enumerate(zip(ws_formulas.iter_rows(), ws_values.iter_rows(), strict=True), 1):
        scanned += len(row_f)
        if scanned > MAX_CELLS_SCANNED:
            diags.error(pos, f"sheet {name!r} of {rel!r} holds more than {MAX_CELLS_SCANNED:,} cells, counting "
                             "empty formatted ones: copy the table alone into a new workbook")
            return None
        for col_index, (cell_f, cell_v) in enumerate(zip(row_f, row_v, strict=True), 1):
            if cell_f.value is None and cell_v.value is None:
                continue
            ref = f"{_column_letter(col_index)}{row_index}"
            if row_index > MAX_ROWS:
                report("rows", row_index, col_index, f"cell {ref} is past row {MAX_ROWS:,}, {row_limit}")
                break
            if col_index > MAX_COLUMNS:
                report("columns", row_index, col_index, f"cell {ref} is past column {MAX_COLUMNS} "
                                                        f"({_column_letter(MAX_COLUMNS)}), the limit for a table "
                                                        "in a document: keep the columns the document shows")
                break
            cell = _cell(cell_f, cell_v, Position(rel, row_index, col_index), ref, report)
            if cell is not None:
                cells[(row_index, col_index)] = cell
        if reported.get("rows"):
            break
    if reported.get("rows") or reported.get("columns"):
        return None

    filled = [key for key, cell in cells.items() if cell.text]
    if not filled and not reported:
        diags.error(pos, f"sheet {name!r} of {rel!r} is empty: write the header row and the rows of the table")
        return None
    if not filled:
        return None
    top = min(r for r, _ in filled)
    bottom = max(r for r, _ in filled)
    left = min(c for _, c in filled)
    right = max(c for _, c in filled)

    for ref in _MERGE.findall(_worksheet_xml(data, ws_formulas) or b""):
        first, _, last = ref.decode().partition(":")
        (r1, c1), (r2, c2) = _coordinates(first), _coordinates(last or first)
        if (r1, c1) != (r2, c2) and r1 <= bottom and r2 >= top and c1 <= right and c2 >= left:
            report("merged", r1, c1, f"cells {first}:{last} are merged: unmerge them and give each cell its own "
                                     "text (a table in a document has one value per cell and one header row)")

    rows = []
    for r in range(top, bottom + 1):
        row = []
        for c in range(left, right + 1):
            cell = cells.get((r, c)) or SheetCell("", Position(rel, r, c), False)
            if r == top and not cell.text:
                report("header", r, c, f"header cell {_column_letter(c)}{r} is empty: give every column a header")
            row.append(cell)
        rows.append(tuple(row))
    if len(rows) == 1:
        diags.error(pos, f"sheet {name!r} of {rel!r} has a header row but no rows under it")
    return tuple(rows)


def _cell(cell_f, cell_v, position: Position, ref: str, report) -> SheetCell | None:
    """One cell's printed text; None after reporting a formula without a result or an error value."""
    row, col = position.line, position.col
    value = cell_v.value
    if cell_f.data_type == "f":
        formula = str(getattr(cell_f.value, "text", cell_f.value))
        if value is None and cell_v.data_type != "str":  # Excel saves an empty text result as t="str"
            report("formula", row, col, f"cell {ref} holds the formula {_short(formula)} but no result was saved "
                                        "with it (the file was written by a program that does not compute "
                                        "formulas): open and save it in Excel")
            return None
    if cell_v.data_type == "e":
        report("error", row, col, f"cell {ref} shows the error {value}: correct it in Excel, or write what the "
                                  "table should show (such as \"..\" for not available)")
        return None
    if value is None:
        return SheetCell("", position, False)
    if isinstance(value, bool):
        return SheetCell("TRUE" if value else "FALSE", position, False)
    if isinstance(value, (int, float)):
        return SheetCell(format_number(value, cell_v.number_format or "General"), position, True)
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return SheetCell(_date_text(value), position, False)
    text = str(value).replace("\r\n", "\n").strip()
    bad = _FORBIDDEN.search(text)
    if bad:
        report("character", row, col, f"cell {ref} holds the character U+{ord(bad.group()):04X}, which a document "
                                      "cannot show: remove it")
        return None
    return SheetCell(text, position, _looks_numeric(text))


def _worksheet_xml(data: bytes, ws) -> bytes | None:
    """The sheet's XML part, for its merged cells (openpyxl's read-only mode does not read them)."""
    part = getattr(ws, "_worksheet_path", None)
    if not part:
        return None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            return archive.read(part)
        except KeyError:
            return None


# --- Text of cells ---------------------------------------------------------------------------

def format_number(value: int | float, number_format: str) -> str:
    """A number as Excel shows it for the common formats; General for the others."""
    section = re.sub(r'_.|\\.|\[[^\]]*\]|"[^"]*"', "", number_format.split(";")[0]).strip()
    match = _SIMPLE_FORMAT.fullmatch(section)
    if not match:
        return _general(value)
    thousands, decimals, percent = bool(match.group(1)), len(match.group(2) or ""), bool(match.group(3))
    try:
        amount = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
        if percent:
            amount *= 100
        amount = amount.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):  # inf, nan
        return _general(value)
    if amount == 0:
        amount = abs(amount)  # no "-0"
    text = f"{amount:,.{decimals}f}" if thousands else f"{amount:.{decimals}f}"
    return text + ("%" if percent else "")


def _general(value: int | float) -> str:
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.15g}"


def _date_text(value) -> str:
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, dt.time):
        return f"{value.hour:02}:{value.minute:02}"
    text = f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    if isinstance(value, dt.datetime) and (value.hour, value.minute, value.second) != (0, 0, 0):
        text += f" {value.hour:02}:{value.minute:02}"
    return text


def _looks_numeric(text: str) -> bool:
    return text in NOT_AVAILABLE_SIGNS or bool(_NUMERIC_TEXT.fullmatch(text))


def _short(formula: str) -> str:
    return formula if len(formula) <= 40 else formula[:37] + "..."


def _column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _coordinates(ref: str) -> tuple[int, int]:
    match = re.fullmatch(r"([A-Z]+)([0-9]+)", ref)
    col = 0
    for letter in match.group(1):
        col = col * 26 + ord(letter) - ord("A") + 1
    return int(match.group(2)), col
