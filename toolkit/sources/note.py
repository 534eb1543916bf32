"""notes/NAME.md and its annexes -> a validated Note of the document model."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from toolkit.diagnostics import Diagnostics, Position
from toolkit.model import wording
from toolkit.model.assemble import AnnexPart, NotePart, assemble_note, standalone_annex
from toolkit.model.document import Chapter, Inline, ListItem, Note, Paragraph, Text
from toolkit.model.meeting import Meeting
from toolkit.model.scripts import split_scripts
from toolkit.model.words import letter, roman
from toolkit.sources import schema
from toolkit.sources.expressions import ExpressionError, Expressions, meeting_names
from toolkit.sources.attachments import check_attachment
from toolkit.sources.frontmatter import split
from toolkit.sources.markdown import BodyContext, Counter, FootnoteBook, markdown_parser, parse_body, parse_inline
from toolkit.sources.text import read_source
from toolkit.sources.yamlfile import Map, Str, load_mapping

_NOTE_KEYS = {"item", "title", "date", "distribution", "language", "symbol", "annexes", "considerations"}
_ANNEX_ENTRY_KEYS = {"title", "file"}
_ANNEX_KEYS = {"title", "numbered"}
_CONSIDERATION_KEYS = {"text", "items"}
ANNEX_SUFFIXES = (".md", ".pdf", ".docx")


@dataclass(frozen=True)
class _AnnexEntry:
    stem: str
    rel: str
    title: Str
    numeral: str
    pos: Position


def load_note(root: Path, rel: str, meeting: Meeting, diags: Diagnostics) -> tuple[Note, list[Note]] | None:
    """-> (the note, each of its annexes as a document of its own), or None when errors leave
    nothing sensible to build."""
    text = read_source(root, rel, diags)
    if text is None:
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

    schema.check_keys(data, _NOTE_KEYS, diags, "a note's front matter")
    citation = schema.string(data, "item", diags, required=True)
    title = schema.string(data, "title", diags, required=True)
    date = schema.date(data, "date", diags, required=True)
    distribution = schema.choice(data, "distribution", wording.DISTRIBUTIONS, wording.DEFAULT_DISTRIBUTION, diags)
    language = schema.string(data, "language", diags) or wording.DEFAULT_LANGUAGE_LINE
    symbol = schema.string(data, "symbol", diags)

    found = None
    if citation is not None:
        found = meeting.find_item(citation)
        if found is None:
            known = ", ".join(_all_citations(meeting))
            diags.error(citation.pos, f"unknown agenda item {str(citation)!r} (the agenda has {known})")

    entries = _annex_entries(root, data, diags)
    by_stem = {entry.stem: entry for entry in entries}

    def annex(stem: str) -> str:
        if stem not in by_stem:
            known = ", ".join(repr(s) for s in by_stem) or "none"
            raise ExpressionError(f"unknown annex {stem!r} in annex(...) (this note's annexes: {known})")
        return wording.annex_heading(by_stem[stem].numeral)

    expressions = Expressions({"meeting": meeting_names(meeting), "annex": annex})
    title_text = expressions.render(title, title.pos, diags) if title else ""
    note_names = {k: v for k, v in {"title": title_text, "symbol": symbol,
                                    "item": found[0].citation if found else None}.items() if v}
    expressions.names["note"] = note_names

    md = markdown_parser()
    footnotes = FootnoteBook()
    ctx = BodyContext(md, expressions, diags, Counter(), footnotes, "")
    chapters = parse_body(parts.body, rel, parts.body_first_line, ctx)
    considerations = _considerations(data, ctx)
    if considerations:
        numeral = roman(len([c for c in chapters if c.numeral]) + 1)
        chapters.append(Chapter(numeral, _runs(wording.CONSIDERATIONS_TITLE.upper()), tuple(considerations),
                                f"ch{numeral}", data.key_pos.get("considerations")))

    annexes = [_load_annex(root, entry, expressions, md, footnotes, diags) for entry in entries]

    if citation is None or found is None or title is None or date is None:
        return None
    item, parent = found
    note = assemble_note(NotePart(
        stem=PurePosixPath(rel).stem, source=rel, meeting=meeting, item=item, parent=parent,
        title=title_text, date=date, distribution=distribution, language_line=language, symbol=symbol,
        chapters=tuple(chapters), annexes=tuple(a for a in annexes if a is not None),
        footnotes=tuple(footnotes.footnotes)))
    # Issued on its own, an annex numbers its footnotes from 1 (problems were reported above).
    attached = {a.stem: a for a in annexes if a is not None and a.attachment is not None}
    standalone = []
    for entry in entries:
        own = FootnoteBook()
        part = attached.get(entry.stem) or _load_annex(root, entry, expressions, md, own, Diagnostics())
        if part is not None:
            standalone.append(standalone_annex(note, part, tuple(own.footnotes)))
    return note, standalone


def _all_citations(meeting: Meeting) -> list[str]:
    out = []
    for item in meeting.agenda:
        out.append(item.citation)
        out.extend(sub.citation for sub in item.subitems)
    return out


def _runs(text: str) -> tuple[Inline, ...]:
    return tuple(Text(piece, lang) for piece, lang in split_scripts(text))


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
        entries.append(_AnnexEntry(stem, rel, title, roman(len(entries) + 1), file.pos))
    return entries


def _safe_relative(root: Path, file: Str, diags: Diagnostics) -> str | None:
    """An annex path -> meeting-relative POSIX path, only if it stays inside the meeting."""
    path = PurePosixPath(str(file).replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or ":" in str(file):
        diags.error(file.pos, f"annex file {str(file)!r} must be a path inside the meeting folder, "
                              "such as annexes/report.md")
        return None
    resolved_root = root.resolve()
    target = (root / path).resolve()
    if not target.is_relative_to(resolved_root):
        diags.error(file.pos, f"annex file {str(file)!r} leads outside the meeting folder")
        return None
    if path.suffix.lower() not in ANNEX_SUFFIXES:
        diags.error(file.pos, f"annex file {str(file)!r} must be Markdown (.md), or a PDF or Word file "
                              "(.pdf, .docx) to append as it is")
        return None
    if not target.is_file():
        diags.error(file.pos, f"annex file {str(file)!r} does not exist (or is not a regular file)"
                              f"{_other_unicode_form(root / path)}")
        return None
    return str(path)


def _other_unicode_form(path: Path) -> str:
    """A hint when the folder has the name written with other Unicode code points (NFC/NFD)."""
    wanted = unicodedata.normalize("NFC", path.name)
    try:
        for sibling in path.parent.iterdir():
            if sibling.name != path.name and unicodedata.normalize("NFC", sibling.name) == wanted:
                return (f"; {sibling.name!r} looks the same but is written with other Unicode characters "
                        "(rename the file, or copy its name into the note)")
    except OSError:
        pass
    return ""


def _considerations(data: Map, ctx: BodyContext) -> list[Paragraph]:
    paragraphs = []
    for entry in schema.mapping_list(data, "considerations", ctx.diags) or []:
        schema.check_keys(entry, _CONSIDERATION_KEYS, ctx.diags, "a consideration")
        text = schema.string(entry, "text", ctx.diags, required=True)
        items = schema.string_list(entry, "items", ctx.diags) or []
        if text is None:
            continue
        content = parse_inline(str(text), text.pos, ctx)
        number = ctx.paragraphs.take()
        subitems = tuple(_lettered(index, parse_inline(str(item), item.pos, ctx), item.pos)
                         for index, item in enumerate(items, 1))
        paragraphs.append(Paragraph(number, content, subitems, text.pos))
    return paragraphs


def _lettered(index: int, content: tuple[Inline, ...], pos: Position) -> ListItem:
    return ListItem(f"({letter(index)})", content, (), pos)


def _load_annex(root: Path, entry: _AnnexEntry, expressions: Expressions, md, footnotes: FootnoteBook,
                diags: Diagnostics) -> AnnexPart | None:
    if not entry.rel.lower().endswith(".md"):
        attachment = check_attachment(root, entry.rel, entry.pos, diags)
        if attachment is None:
            return None
        title = expressions.render(entry.title, entry.title.pos, diags)
        return AnnexPart(entry.numeral, _runs(title), (), entry.stem, entry.rel, attachment)
    text = read_source(root, entry.rel, diags)
    if text is None:
        return None
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
    ctx = BodyContext(md, expressions, diags, Counter(numbered), footnotes, f"annex{entry.numeral}-")
    chapters = parse_body(parts.body, entry.rel, parts.body_first_line, ctx)
    title_text = expressions.render(title, title.pos, diags)
    return AnnexPart(entry.numeral, _runs(title_text), tuple(chapters), entry.stem, entry.rel)
