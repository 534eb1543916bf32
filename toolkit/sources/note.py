"""notes/NAME.md and its annexes -> the note's parts as read and validated (model/parts.py NotePart),
with their positions; the model numbers and assembles them (model/assemble.py build_note)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from toolkit.suggest import did_you_mean
from toolkit.sources.written import Written
from toolkit.errors import Diagnostics, Position
from toolkit.sources import declarations
from toolkit.model import wording
from toolkit.model.wording import Wording, for_language
from toolkit.model.document import WRITTEN_KINDS, Chapter, ListItem, Note, Paragraph
from toolkit.model.meeting import AgendaItem, Meeting
from toolkit.model.parts import AnnexSource, NotePart, Participant
from toolkit.model.scripts import runs
from toolkit.sources import placeholders, schema
from toolkit.sources.figures import Unread, participant_figures
from toolkit.sources.expressions import REF_MARK, ExpressionError, Expressions, meeting_names, ref_mark
from toolkit.sources.attachments import check_attachment
from toolkit.sources import attributes
from toolkit.sources.attributes import LABEL
from toolkit.sources.frontmatter import Split, split
from toolkit.sources.grid_cache import GridCache
from toolkit.sources.markdown import BodyContext, markdown_parser, parse_body, parse_inline, unused_footnotes
from toolkit.sources.note_language import NoteLanguage, check_translation, note_language, translation_of
from toolkit.sources.paths import inside_meeting
from toolkit.sources.report import document_symbol, generated_annexes, report_item, report_sections
from toolkit.sources.text import read_source, too_long
from toolkit.sources.yamlfile import Map, Str, load_mapping

_NOTE_KEYS = {"kind", "item", "title", "date", "distribution", "language", "symbol", "annexes", "considerations",
              "adopted", "author_line", *declarations.KEYS}
DEFER = "defer"  # a report waits for every other document (it cites their symbols)
_ANNEX_ENTRY_KEYS = {"title", "file"}
_ANNEX_KEYS = {"title", "numbered"}
_CONSIDERATION_KEYS = {"text", "items"}
ANNEX_SUFFIXES = (".md", ".pdf", ".docx")


@dataclass(frozen=True)
class _AnnexEntry:
    stem: str
    rel: str
    title: Str
    pos: Position


@dataclass
class Reading:
    """What each note of a meeting is read against, and what reading gathers."""

    root: Path
    meeting: Meeting
    diags: Diagnostics
    grids: GridCache | None = None  # spreadsheets already read (grid_cache.py)
    written: Written = field(default_factory=Written)  # where the checks' facts stand (sources/written.py)
    # the documents read so far, by stem: a translation (notes/NAME.ru.md) takes its original's kind,
    # item, symbol and distribution
    originals: dict[str, Note] = field(default_factory=dict)
    documents: dict[str, str] | None = None  # file stem -> its symbol (report.citable); None: not known yet
    # the registered participants, for `{{ participants.count }}` and kin (sources/figures.py); None: no list
    # to count, because meeting.yaml names no export or (participants_unread) the export has errors
    participants: tuple[Participant, ...] | None = None
    participants_unread: str | None = None

    def figures(self, language: str) -> Mapping[str, int]:
        if self.participants is None:
            return Unread(self.participants_unread)
        return participant_figures(self.participants, language)


@dataclass(frozen=True)
class _Front:
    """A note's front matter, validated (None where a mistake was reported)."""

    data: Map
    stem: str
    translated: tuple[str, str] | None
    kind: str
    language: NoteLanguage | None
    w: Wording
    citation: Str | None
    title: Str | None
    date: dt.date | None
    adopted: dt.date | None
    distribution: str
    symbol: Str | None
    found: tuple[AgendaItem, AgendaItem | None] | None  # the agenda item cited, and its parent


def read_note(reading: Reading, rel: str) -> NotePart | str | None:
    """-> the document's parts as read (its annexes among them, not numbered yet), or None when errors
    leave nothing sensible to build.

    A note (kind: note) belongs to an agenda item; an information document (kind: information)
    may; the report of the meeting (kind: report) cites the other documents, so without
    `reading.documents` it is left for later: DEFER."""
    diags = reading.diags
    text = read_source(reading.root, rel, diags)
    if text is None or too_long(text, rel, reading.meeting.word_limit, diags):
        return None
    parts = split(text)
    if isinstance(parts, str):
        diags.error(Position(rel, 1, 1), parts)
        return None
    if parts.yaml is None:
        diags.error(Position(rel, 1, 1), "a note starts with front matter between '---' lines (item, title, date)")
        return None
    data = load_mapping(parts.yaml, rel, diags, "the front matter (item, title, date, ...)", line_offset=1)
    if data is None:
        return None
    front = _front(reading, rel, data)
    if not isinstance(front, _Front):
        return front
    reading.written.texts[rel] = text
    return _contents(reading, rel, parts, front)


def _front(reading: Reading, rel: str, data: Map) -> _Front | str | None:
    meeting, diags, written = reading.meeting, reading.diags, reading.written
    stem = PurePosixPath(rel).stem
    translated = translation_of(stem)
    original = reading.originals.get(translated[0]) if translated else None
    # A bad kind is reported here, once: it is then read as a note, never deferred as a report.
    kind = schema.choice(data, "kind", WRITTEN_KINDS, original.kind if original else "note", diags)
    if kind == "report" and reading.documents is None:
        return DEFER
    language = note_language(data, rel, stem, meeting, diags)
    if translated and (language is None or not check_translation(
            data, rel, original, f"notes/{translated[0]}.md", language.code, diags)):
        return None  # a translation is read only against its original
    w = for_language(language.code if language else meeting.language)
    schema.check_keys(data, _NOTE_KEYS, diags, "a note's front matter")
    _check_kind_keys(data, kind, diags)
    citation = schema.string(data, "item", diags, required=kind == "note" and original is None)
    if citation is None and original is not None and original.item_citation:
        citation = Str(original.item_citation, Position(rel, 1, 1))
    title = schema.string(data, "title", diags, required=kind != "report")
    date = schema.date(data, "date", diags, required=True)
    if date is None and schema.placeholder(data, "date"):  # reported: the report can still cite the note
        date = placeholders.STAND_IN_DATE
    adopted = schema.date(data, "adopted", diags)
    default_distribution = wording.DEFAULT_DISTRIBUTION if kind == "note" else wording.INFORMATION_DISTRIBUTION
    if original is not None and original.distribution:
        default_distribution = original.distribution
    distribution = schema.choice(data, "distribution", wording.DISTRIBUTIONS, default_distribution, diags)
    if "distribution" in data and not meeting.distribution_shown:
        diags.error(data.key_pos["distribution"], "'distribution' is not printed: meeting.yaml says "
                                                  "'distribution: none' (remove one or the other)")
    symbol = schema.string(data, "symbol", diags)
    if symbol is None and original is not None and original.symbol:
        symbol = Str(original.symbol, Position(rel, 1, 1))
    if symbol is not None:
        written.symbols[rel] = symbol.pos
    if date is not None:
        written.dates[rel] = data["date"].pos
    declared = declarations.read(data, diags)  # applied once every document is read (issuing/apply.py)
    if declared.anything:
        written.declared[rel] = declared

    found = None
    if citation is not None and kind != "report":
        found = meeting.find_item(citation)
        if found is None:
            every = _all_citations(meeting)
            diags.error(citation.pos, f"unknown agenda item {str(citation)!r} (the agenda has {', '.join(every)})"
                                      f"{did_you_mean(str(citation), every)}")
    return _Front(data, stem, translated, kind, language, w, citation, title, date, adopted, distribution, symbol,
                  found)


def _expressions(reading: Reading, rel: str, front: _Front, entries: list[_AnnexEntry]) -> Expressions:
    """The names a note's {{ }} expressions may use: meeting, annex(), ref(), and the report's document()."""
    by_stem = {entry.stem: entry for entry in entries}

    def annex(stem: str) -> str:
        if stem not in by_stem:
            known = ", ".join(repr(s) for s in by_stem) or "none"
            raise ExpressionError(f"unknown annex {stem!r} in annex(...) (this note's annexes: {known})"
                                  f"{did_you_mean(str(stem), by_stem)}")
        return ref_mark(stem, capital=True)

    def ref(label: str, capital: bool = False) -> str:
        """ref("core-fund") prints "table 2"; ref("core-fund", capital=true) "Table 2" (a sentence's start)."""
        if not isinstance(label, str) or not re.fullmatch(LABEL, label):
            raise ExpressionError(f"ref({label!r}): a label is letters, digits, '-' or '_', starting with a "
                                  "letter, as in ref(\"core-fund\")")
        return ref_mark(label, capital=bool(capital))

    names = {"meeting": meeting_names(reading.meeting, front.w), "annex": annex, "ref": ref,
             "participants": reading.figures(front.w.code)}
    if front.kind == "report":
        symbol_of = document_symbol(reading.documents or {})

        def document(stem: str) -> str:
            printed = symbol_of(stem)
            reading.written.cites.setdefault((rel, stem), expressions.where or Position(rel, 1, 1))
            return printed

        names["document"] = document
    expressions = Expressions(names)
    return expressions


def _contents(reading: Reading, rel: str, parts: Split, front: _Front) -> NotePart | None:
    """The title, body, considerations and annexes, read with the front matter's names -> the note's parts."""
    root, meeting, diags, written = reading.root, reading.meeting, reading.diags, reading.written
    data, kind, w, found, title = front.data, front.kind, front.w, front.found, front.title
    entries = _annex_entries(root, data, diags)
    expressions = _expressions(reading, rel, front, entries)
    title_text = _plain(expressions, title, diags) if title else w.report_title(meeting_names(meeting, w)["title"])
    author_line = _author_line(data, expressions, diags)
    note_names = {k: v for k, v in {"title": title_text, "symbol": front.symbol,
                                    "item": found[0].citation if found else None}.items() if v}
    expressions.names["note"] = note_names

    md = markdown_parser()
    ctx = BodyContext(md, expressions, diags, root, grids=reading.grids)
    chapters = parse_body(parts.body, rel, parts.body_first_line, ctx, lend_footnotes=True)
    placeholders.check_body(parts.body, rel, parts.body_first_line, diags)
    if kind == "report":
        chapters = report_sections(chapters, meeting, rel, front.adopted, diags, w, reading.participants)
    considerations = _considerations(data, ctx)  # may cite the body's footnotes
    unused_footnotes(ctx)
    if considerations:
        chapters.append(Chapter(None, runs(w.considerations_title.upper()), tuple(considerations),
                                "", data.key_pos.get("considerations"),
                                written=w.considerations_title))

    annexes = [_load_annex(root, entry, expressions, ctx, diags, meeting.word_limit, written) for entry in entries]
    written.files[rel] = tuple(dict.fromkeys([*(entry.rel for entry in entries), *ctx.files]))
    if kind == "report":  # its annexes I and II are made, not written (model/build.py fills them)
        annexes = [*generated_annexes(meeting, w), *annexes]

    citation, language, date = front.citation, front.language, front.date
    if (kind == "note" and (citation is None or found is None)) or (kind != "report" and title is None) \
            or date is None or (citation is not None and found is None and kind == "information") or language is None:
        return None
    if found and kind == "note" and meeting.words(w.code).item_title(found[1] or found[0]) is None:
        heading = found[1] or found[0]
        diags.error(language.position, f"meeting.yaml 'translations: {w.code}: agenda:' has no title for item "
                                       f"{heading.citation}, which this document's masthead prints: add "
                                       f"'\"{heading.citation}\": ...'")
        return None
    item, parent = found if found else (report_item(meeting) if kind == "report" else None, None)
    return NotePart(
        stem=front.stem, source=rel, meeting=meeting, item=item, parent=parent,
        title=title_text, date=date, distribution=front.distribution, wording=w, symbol=front.symbol,
        chapters=tuple(chapters), annexes=tuple(a for a in annexes if a is not None), footnotes=ctx.footnotes,
        kind=kind, author_line=author_line, original_stem=front.translated[0] if front.translated else front.stem)


def _check_kind_keys(data: Map, kind: str, diags: Diagnostics) -> None:
    """Keys that belong to one kind of document only."""
    wrong = {"report": ("item", "considerations", "author_line"), "information": ("considerations", "adopted"),
             "note": ("adopted",)}[kind]
    for key in wrong:
        if key in data:
            what = {"item": "it belongs to the item its sections follow", "considerations": "it has none",
                    "adopted": "only the report of the meeting is adopted",
                    "author_line": "the report is the meeting's own"}[key]
            diags.error(data.key_pos[key], f"{key!r} is not used in a document of kind {kind} ({what})")


def _author_line(data: Map, expressions: Expressions, diags: Diagnostics) -> str | None:
    """`author_line: Note by the Government of Mongolia`: the masthead's line under the title, written
    whole; None: a note's "Note by the Secretariat" (wording.AUTHOR_LINE), an information document's none."""
    value = schema.string(data, "author_line", diags, required="author_line" in data)  # empty: an error
    if value is None:
        return None
    line = _plain(expressions, value, diags).strip()
    if not line or "\n" in line:
        diags.error(value.pos, "'author_line' is one line of words, such as \"Note by the Government of "
                               f"Mongolia\" or \"Submitted by the Korea Environment Institute\", not {str(value)!r}")
        return None
    return line


def _plain(expressions: Expressions, text: Str, diags: Diagnostics) -> str:
    """A front-matter value printed as plain text (a title): ref() and annex() cite into the text only."""
    value = expressions.render(text, text.pos, diags)
    if REF_MARK[0] in value:
        diags.error(text.pos, "ref() and annex() can be used in the text and the considerations, not in a title")
        return re.sub(f"{REF_MARK[0]}\\^?([^{REF_MARK[1]}]*){REF_MARK[1]}", r"\1", value)
    return value


def _all_citations(meeting: Meeting) -> list[str]:
    out = []
    for item in meeting.agenda:
        out.append(item.citation)
        out.extend(sub.citation for sub in item.subitems)
    return out


def _annex_entries(root: Path, data: Map, diags: Diagnostics) -> list[_AnnexEntry]:
    entries: list[_AnnexEntry] = []
    for raw in schema.mapping_list(data, "annexes", diags) or []:
        schema.check_keys(raw, _ANNEX_ENTRY_KEYS, diags, "an annex entry")
        title = schema.string(raw, "title", diags, required=True)
        file = schema.string(raw, "file", diags, required=True)
        if title is None or file is None:
            continue
        rel = _safe_relative(root, file, diags)
        if rel is None:
            continue
        stem = PurePosixPath(rel).stem
        if any(e.stem == stem for e in entries):
            diags.error(file.pos, f"two annexes have the file name {stem!r}; annex(\"{stem}\") would be ambiguous")
            continue
        entries.append(_AnnexEntry(stem, rel, title, file.pos))
    return entries


def _safe_relative(root: Path, file: Str, diags: Diagnostics) -> str | None:
    return inside_meeting(root, str(file), file.pos, diags, "annex file", ANNEX_SUFFIXES,
                          "Markdown (.md), or a PDF or Word file (.pdf, .docx) to append as it is")


def _considerations(data: Map, ctx: BodyContext) -> list[Paragraph]:
    paragraphs = []
    for entry in schema.mapping_list(data, "considerations", ctx.diags) or []:
        schema.check_keys(entry, _CONSIDERATION_KEYS, ctx.diags, "a consideration")
        text = schema.string(entry, "text", ctx.diags, required=True)
        items = schema.string_list(entry, "items", ctx.diags) or []
        if text is None:
            continue
        words, ident = str(text), None
        labelled = attributes.parse(words)  # "... {#proposal}": a consideration a ref() can cite
        if labelled is not None:
            words, found = labelled
            ident = found.pop("id", None)
            for key in found:
                ctx.diags.error(text.pos, f"{attributes.NAMES.get(key, key + '=')} is not used in a consideration "
                                          "(allowed: a label #name)")
        content = parse_inline(words.rstrip(), _text_start(text), ctx)
        subitems = tuple(ListItem(None, parse_inline(str(item), _text_start(item), ctx), (), item.pos, ordered=True)
                         for item in items)
        paragraphs.append(Paragraph(None, content, subitems, text.pos, ident=ident))
    return paragraphs


def _text_start(value: Str) -> Position:
    """Where a one-line front-matter value's first character stands (after its opening quote)."""
    if value.quoted:
        return Position(value.pos.path, value.pos.line, (value.pos.col or 1) + 1)
    return value.pos


def _load_annex(root: Path, entry: _AnnexEntry, expressions: Expressions, ctx: BodyContext,
                diags: Diagnostics, word_limit: int, written: Written) -> AnnexSource | None:
    if not entry.rel.lower().endswith(".md"):
        attachment = check_attachment(root, entry.rel, entry.pos, diags)
        if attachment is None:
            return None
        title = _plain(expressions, entry.title, diags)
        return AnnexSource(entry.stem, entry.rel, runs(title), (), attachment=attachment, position=entry.pos)
    text = read_source(root, entry.rel, diags)
    if text is None or too_long(text, entry.rel, word_limit, diags):
        return None
    written.texts[entry.rel] = text
    parts = split(text)
    if isinstance(parts, str):
        diags.error(Position(entry.rel, 1, 1), parts)
        return None
    title, numbered = entry.title, True
    if parts.yaml is not None:
        data = load_mapping(parts.yaml, entry.rel, diags, "an annex's front matter (title, numbered)",
                            line_offset=1)
        if data is not None:
            schema.check_keys(data, _ANNEX_KEYS, diags, "an annex's front matter")
            title = schema.string(data, "title", diags) or title
            flag = schema.choice(data, "numbered", ("true", "false"), "true", diags)
            numbered = flag == "true"
    ctx.numbered = numbered
    try:
        chapters = parse_body(parts.body, entry.rel, parts.body_first_line, ctx)
        placeholders.check_body(parts.body, entry.rel, parts.body_first_line, diags)
    finally:
        ctx.numbered = True
    title_text = _plain(expressions, title, diags)
    return AnnexSource(entry.stem, entry.rel, runs(title_text), tuple(chapters), numbered, position=entry.pos)
