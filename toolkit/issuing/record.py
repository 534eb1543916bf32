"""issued/NAME.yaml: a document as it was issued, written by `toolkit issue` <-> a Record.

The record keeps the symbol and date as issued, each source file with its sha256 (a text
source's whole text as a YAML block, so a diff of the record in git shows what changed; a
spreadsheet or picture as a copy in issued/NAME/), and each output file's sha256. It is read
back like any source: it may have been edited or come from elsewhere, so every path must stay
inside the meeting folder, every text must match its hash, and each mistake names its line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from toolkit.errors import Diagnostics, Position
from toolkit.sources import schema
from toolkit.sources.text import decode
from toolkit.sources.yamlfile import Map, Str, load_mapping

ISSUED_DIR = "issued"
TEXT_SUFFIXES = (".md", ".yaml")  # kept as text in the record; anything else as a copy
MAX_RECORD_BYTES = 64 * 1024 * 1024  # a note and its annexes, each a source of up to 5 MB
MAX_FILES = 1000
_KEYS = {"document", "symbol", "date", "revision", "corrigendum", "base", "sources", "outputs"}
_SOURCE_KEYS = {"file", "sha256", "text", "copy"}
_OUTPUT_KEYS = {"file", "sha256"}
_SHA256 = re.compile(r"[0-9a-f]{64}")
_COUNT = re.compile(r"0|[1-9][0-9]{0,1}")
HEADER = ("# The document as it was issued, written by `toolkit issue`: keep it with the sources (in git) and\n"
          "# do not edit it. The build rebuilds the issued version from it, to find what changed since.\n")


@dataclass(frozen=True)
class Source:
    file: str  # meeting-relative, as the document names it
    sha256: str  # of the text as read (UTF-8, LF line ends), or of the copied file's bytes
    text: str | None = None  # a text source's whole text
    copy: str | None = None  # where the copy of a binary source is: issued/NAME/<file>
    text_pos: Position | None = None  # where the text's first line is in the record (read back only)
    text_block: bool = False  # the text is a '|' block: its line k is on the record's line text_pos.line + k


@dataclass(frozen=True)
class Output:
    file: str
    sha256: str


@dataclass(frozen=True)
class Record:
    document: str  # the output name: 5a-air-pollution, 7-core-fund-corr1
    symbol: str | None  # as issued: ESCAP/NEASPEC/SOM(26)/5a/Rev.1
    date: dt.date  # as issued
    revision: int  # 0: the document as first issued
    corrigendum: int  # 0: not a corrigendum; N: the record of <symbol>/Corr.N
    base: str | None  # a corrigendum's document
    sources: tuple[Source, ...]
    outputs: tuple[Output, ...]
    path: str = ""  # issued/NAME.yaml

    def source(self, file: str) -> Source | None:
        return next((s for s in self.sources if s.file == file), None)


def record_path(document: str) -> str:
    return f"{ISSUED_DIR}/{document}.yaml"


def copy_path(document: str, file: str) -> str:
    return f"{ISSUED_DIR}/{document}/{file}"


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_text(file: str) -> bool:
    return PurePosixPath(file).suffix.lower() in TEXT_SUFFIXES


def current_digest(root: Path, file: str) -> str | None:
    """A source file's digest as a record computes it (None: unreadable): a text source's as read, so
    a file whose line ends git changed to CRLF is still the same text."""
    try:
        data = (root / file).read_bytes()
    except OSError:
        return None
    if is_text(file):
        text = decode(data, file, Diagnostics())
        return None if text is None else text_digest(text)
    return hashlib.sha256(data).hexdigest()


# ---- writing --------------------------------------------------------------------


def dump(record: Record) -> str:
    """The record's YAML text: plain keys, each text source a literal block (checked to read back as
    the same text; a text YAML cannot hold as a block is written quoted instead)."""
    lines = [HEADER.rstrip("\n")]
    lines.append(f"document: {_scalar(record.document)}")
    if record.symbol is not None:
        lines.append(f"symbol: {_scalar(record.symbol)}")
    lines.append(f"date: {record.date.isoformat()}")
    lines.append(f"revision: {record.revision}")
    lines.append(f"corrigendum: {record.corrigendum}")
    if record.base is not None:
        lines.append(f"base: {_scalar(record.base)}")
    lines.append("sources:")
    for source in record.sources:
        lines.append(f"  - file: {_scalar(source.file)}")
        lines.append(f"    sha256: {source.sha256}")
        if source.copy is not None:
            lines.append(f"    copy: {_scalar(source.copy)}")
        else:
            lines.append(f"    text: {_text(source.text or '', 6)}")
    lines.append("outputs:")
    for output in record.outputs:
        lines.append(f"  - file: {_scalar(output.file)}")
        lines.append(f"    sha256: {output.sha256}")
    return "\n".join(lines) + "\n"


def _scalar(value: str) -> str:
    """A one-line value, quoted unless YAML reads it plainly as the same string."""
    try:
        if yaml.load(value, Loader=yaml.BaseLoader) == value and "\n" not in value and value.strip() == value \
                and not value.startswith(("'", '"', "#", "&", "*", "!", "|", ">", "%", "@", "`", "{", "[", "-", "?")):
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=True)


def _text(text: str, indent: int) -> str:
    block = _block(text, indent)
    try:  # what YAML reads back must be the text itself (a key at column 0 takes the same block at 2)
        if block is not None and yaml.load("text: " + _block(text, 2) + "\n", Loader=yaml.BaseLoader) == {"text": text}:
            return block
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=True)


def _block(text: str, indent: int) -> str | None:
    """A literal block: `|` keeps one final line end, `|-` none, `|+` all of them; the indentation
    indicator (2: the text is 2 columns in from its key) lets a text start with spaces."""
    if not text:
        return None
    chomp = "-" if not text.endswith("\n") else ("+" if text.endswith("\n\n") else "")
    body = text[:-1] if text.endswith("\n") else text
    pad = " " * indent
    return f"|2{chomp}\n" + "\n".join(pad + line if line else "" for line in body.split("\n"))


# ---- reading --------------------------------------------------------------------


def read(root: Path, rel: str, diags: Diagnostics) -> Record | None:
    """issued/NAME.yaml -> the Record, or None with every problem reported at its line."""
    try:
        data = (root / rel).read_bytes()
    except OSError as exc:
        diags.error(Position(rel, 1), f"cannot read the record: {exc.strerror or exc}")
        return None
    if len(data) > MAX_RECORD_BYTES:
        diags.error(Position(rel, 1), f"the record is larger than {MAX_RECORD_BYTES // (1024 * 1024)} MB")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        diags.error(Position(rel, 1), "the record is not UTF-8 text; write it again with `toolkit issue`")
        return None
    mapping = load_mapping(text, rel, diags, "an issued record (document, symbol, date, sources, outputs)")
    if mapping is None:
        return None
    before = len(diags.errors)
    schema.check_keys(mapping, _KEYS, diags, "an issued record")
    document = schema.string(mapping, "document", diags, required=True)
    stem = PurePosixPath(rel).stem
    if document is not None and document != stem:
        diags.error(document.pos, f"the record of {str(document)!r} is in the file of {stem!r}: records are "
                                  f"issued/<document>.yaml")
    symbol = schema.string(mapping, "symbol", diags)
    date = schema.date(mapping, "date", diags, required=True)
    revision = _count(mapping, "revision", diags)
    corrigendum = _count(mapping, "corrigendum", diags)
    base = schema.string(mapping, "base", diags)
    sources = _sources(root, stem, mapping, diags, text.split("\n"))
    outputs = _outputs(mapping, diags)
    if len(diags.errors) > before or date is None or document is None:
        return None
    return Record(str(document), str(symbol) if symbol else None, date, revision, corrigendum,
                  str(base) if base else None, sources, outputs, rel)


def _count(data: Map, key: str, diags: Diagnostics) -> int:
    value = schema.string(data, key, diags)
    if value is None:
        return 0
    if not _COUNT.fullmatch(value):
        diags.error(value.pos, f"{key!r} is a whole number (0, 1, 2 ...), not {str(value)!r}")
        return 0
    return int(value)


def _sha(entry: Map, diags: Diagnostics) -> str | None:
    value = schema.string(entry, "sha256", diags, required=True)
    if value is not None and not _SHA256.fullmatch(value):
        diags.error(value.pos, "'sha256' is 64 lower-case hexadecimal digits")
        return None
    return str(value) if value is not None else None


def _entries(data: Map, key: str, diags: Diagnostics) -> list[Map]:
    entries = schema.mapping_list(data, key, diags, required=True) or []
    if len(entries) > MAX_FILES:
        diags.error(data[key].pos, f"{key!r} lists more than {MAX_FILES} files")
        return []
    return entries


def safe_file(value: Str, diags: Diagnostics) -> str | None:
    """A path a record names: relative, inside the meeting folder, no '..', no drive or backslash."""
    path = PurePosixPath(str(value))
    if not value or "\\" in value or ":" in value or path.is_absolute() or any(p in ("..", ".", "") for p in
                                                                            str(value).split("/")):
        diags.error(value.pos, f"{str(value)!r} is not a file of the meeting folder (a path such as "
                               "notes/5d-low-carbon-cities.md): the record was edited or damaged; write it "
                               "again with `toolkit issue`")
        return None
    if path.parts[0] == ISSUED_DIR:
        diags.error(value.pos, f"{str(value)!r}: an issued record keeps the document's sources, not other records")
        return None
    return str(path)


def _sources(root: Path, stem: str, data: Map, diags: Diagnostics, lines: list[str]) -> tuple[Source, ...]:
    out: list[Source] = []
    seen: set[str] = set()
    for entry in _entries(data, "sources", diags):
        schema.check_keys(entry, _SOURCE_KEYS, diags, "a source of an issued record")
        file = schema.string(entry, "file", diags, required=True)
        sha = _sha(entry, diags)
        rel = safe_file(file, diags) if file is not None else None
        if rel is None or sha is None:
            continue
        if rel in seen:
            diags.error(file.pos, f"{rel!r} is listed twice")
            continue
        seen.add(rel)
        if "text" in entry:
            value = entry["text"]
            if not isinstance(value, Str) or not is_text(rel):
                diags.error(value.pos, f"{rel!r}: only Markdown and YAML sources are kept as text")
                continue
            if text_digest(value) != sha:
                diags.error(value.pos, f"the text kept for {rel} does not match its sha256: the record was "
                                       "edited; write it again with `toolkit issue`")
                continue
            out.append(Source(rel, sha, text=str(value), text_pos=_text_start(value, lines),
                              text_block=value.block))
        elif "copy" in entry:
            copy = schema.string(entry, "copy", diags, required=True)
            if copy is None:
                continue
            if copy != copy_path(stem, rel):
                diags.error(copy.pos, f"the copy of {rel} is {copy_path(stem, rel)!r}, not {str(copy)!r}")
                continue
            target = (root / str(copy)).resolve()
            if not target.is_relative_to(root.resolve()) or not target.is_file():
                diags.error(copy.pos, f"the copy {str(copy)!r} is missing or leads outside the meeting folder")
                continue
            if hashlib.sha256(target.read_bytes()).hexdigest() != sha:
                diags.error(copy.pos, f"the copy {str(copy)!r} does not match its sha256: it was replaced")
                continue
            out.append(Source(rel, sha, copy=str(copy)))
        else:
            diags.error(entry.pos, f"{rel!r} has neither its 'text' nor a 'copy'")
    return tuple(out)


def _text_start(value: Str, lines: list[str]) -> Position:
    """Where a kept text's first line is: the line after a '|' block's indicator, at its indentation."""
    if not value.block:
        return value.pos
    for index in range(value.pos.line, len(lines)):  # 0-based index of the line after the indicator
        if lines[index].strip():
            return Position(value.pos.path, value.pos.line + 1, len(lines[index]) - len(lines[index].lstrip(" ")) + 1)
    return Position(value.pos.path, value.pos.line + 1, 1)


def _outputs(data: Map, diags: Diagnostics) -> tuple[Output, ...]:
    out = []
    for entry in _entries(data, "outputs", diags):
        schema.check_keys(entry, _OUTPUT_KEYS, diags, "an output of an issued record")
        file = schema.string(entry, "file", diags, required=True)
        sha = _sha(entry, diags)
        if file is None or sha is None:
            continue
        if "/" in file or file.startswith("."):
            diags.error(file.pos, f"{str(file)!r} is not an output file name")
            continue
        out.append(Output(str(file), sha))
    return tuple(out)

