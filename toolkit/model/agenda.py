"""The meeting and its notes -> the provisional agenda, the annotated agenda and the list of documents."""

from __future__ import annotations

import datetime as dt

from toolkit.model import wording
from toolkit.model.document import (Block, Chapter, Emphasis, Inline, LineBreak, ListItem, Masthead, Note,
                                    Paragraph, SubHeading, Table, Text)
from toolkit.model.meeting import AgendaItem, Meeting
from toolkit.model.scripts import split_scripts
from toolkit.model.words import format_date


def _runs(text: str) -> tuple[Inline, ...]:
    return tuple(Text(piece, lang) for piece, lang in split_scripts(text))


def _masthead(meeting: Meeting, symbol: str | None, distribution: str | None, date: dt.date, title: str) -> Masthead:
    return Masthead(
        symbol=symbol, distribution=wording.distribution_line(distribution), date=format_date(date),
        language=wording.DEFAULT_LANGUAGE_LINE, organization=tuple(line.upper() for line in meeting.organization),
        meeting_title=meeting.title, meeting_dates=meeting.dates, meeting_venue=meeting.venue,
        agenda_heading=None, item_line=None, title=_runs(title), author_line=None)


def _document(meeting: Meeting, kind: str, stem: str, title: str, symbol: str | None, distribution: str | None,
              date: dt.date, chapters: tuple[Chapter, ...]) -> Note:
    distribution = distribution if meeting.distribution_shown else None  # meeting.yaml `distribution: none`
    return Note(
        stem=stem, source=meeting.source, title=title, date=date, language=wording.DOCUMENT_LANGUAGE,
        masthead=_masthead(meeting, symbol, distribution, date, title), contents_heading=None, contents=(),
        chapters=chapters, annexes=(), footnotes=(), running_head=symbol, meeting_title=meeting.title,
        organization=wording.AUTHOR, keywords=tuple(k for k in (meeting.short_title, title) if k),
        agenda_keys=(), kind=kind, symbol=symbol, distribution=distribution)


def agenda_list(meeting: Meeting) -> tuple[Paragraph, ...]:
    """1. Opening of the meeting.  5. Review ...: (a) Air pollution; ... (e) Desertification."""
    paragraphs = []
    expected = 1
    for item in meeting.agenda:
        ending = ":" if item.subitems else "."
        subitems = tuple(
            ListItem(f"({sub.letter})", _runs(sub.title + (";" if index < len(item.subitems) else ".")))
            for index, sub in enumerate(item.subitems, 1))
        number = int(item.number)
        # An agenda numbered 1, 5, 6 (items dropped) starts Word's numbering again where it skips.
        paragraphs.append(Paragraph(number, _runs(item.title + ending), subitems, item.position,
                                    restart=number != expected))
        expected = number + 1
    return tuple(paragraphs)


def provisional_agenda(meeting: Meeting, date: dt.date) -> Note:
    chapter = Chapter(None, (), agenda_list(meeting), "agenda")
    return _document(meeting, "agenda", "provisional-agenda", wording.PROVISIONAL_AGENDA, meeting.agenda_symbol,
                     wording.AGENDA_DISTRIBUTION, date, (chapter,))


def _documentation(item: AgendaItem, notes: list[Note]) -> list[Block]:
    issued = [n for n in notes if n.item_citation == item.citation]
    if not issued:
        return []
    content: list[Inline] = []
    for note in issued:
        if content:
            content.append(LineBreak())
        title = wording.listed_title(note.title, note.masthead.supplement)
        content.extend(_runs(f"{title} ({note.symbol})" if note.symbol else title))
    return [Paragraph(None, (Emphasis(_runs(wording.DOCUMENTATION)),)), Paragraph(None, tuple(content))]


def annotated_agenda(meeting: Meeting, date: dt.date, annotations: dict[str, tuple[Block, ...]],
                     notes: list[Note]) -> Note:
    blocks: list[Block] = []
    for item in meeting.agenda:
        blocks.append(SubHeading(_runs(f"{item.number}. {item.title}"), item.position))
        blocks.extend(annotations.get(item.key, ()))
        blocks.extend(_documentation(item, notes))
        for sub in item.subitems:
            blocks.append(SubHeading(_runs(f"({sub.letter}) {sub.title}"), sub.position))
            blocks.extend(annotations.get(sub.key, ()))
            blocks.extend(_documentation(sub, notes))
    chapters = (
        Chapter("I", _runs(wording.PROVISIONAL_AGENDA.upper()), agenda_list(meeting), "chI"),
        Chapter("II", _runs(wording.ANNOTATIONS.upper()), tuple(blocks), "chII"),
    )
    return _document(meeting, "annotated-agenda", "annotated-agenda", wording.ANNOTATED_AGENDA,
                     meeting.annotated_agenda_symbol, wording.AGENDA_DISTRIBUTION, date, chapters)


# The list of documents' columns, in wording.DOCUMENTS_COLUMNS's order: the cell of a document and the
# column's share of the text width.
_CELLS = (("symbol", lambda doc: doc.symbol or "", 0.34),
          ("title", lambda doc: wording.listed_title(doc.title, doc.masthead.supplement), 0.25),
          ("item", lambda doc: doc.item_citation or "", 0.12),
          ("distribution", lambda doc: doc.distribution or "", 0.14), ("date", lambda doc: format_date(doc.date), 0.15))


def documents_columns(meeting: Meeting, documents: list[Note]) -> tuple[tuple[str, str, float], ...]:
    """(key, heading, width) of the columns the list of documents prints: no Symbol column when no
    document has a symbol, no Distribution column when the meeting prints none (meeting.yaml
    `distribution: none`); the Title takes the width freed."""
    dropped = set()
    if not any(doc.symbol for doc in documents):
        dropped.add("symbol")
    if not meeting.distribution_shown:
        dropped.add("distribution")
    kept = [(key, heading, width) for (key, _, width), heading in zip(_CELLS, wording.DOCUMENTS_COLUMNS)
            if key not in dropped]
    freed = 1 - sum(width for _, _, width in kept)
    return tuple((key, heading, round(width + freed, 4) if key == "title" else width)
                 for key, heading, width in kept)


def documents_list(meeting: Meeting, date: dt.date, documents: list[Note]) -> Note:
    columns = documents_columns(meeting, documents)
    cells = {key: cell for key, cell, _ in _CELLS}
    rows = tuple(tuple(_runs(cells[key](doc)) for key, _, _ in columns) for doc in documents)
    table = Table(tuple(_runs(heading) for _, heading, _ in columns), rows, tuple(w for _, _, w in columns))
    chapter = Chapter(None, (), (table,), "documents")
    return _document(meeting, "documents", "list-of-documents", wording.DOCUMENTS_LIST,
                     meeting.documents_list_symbol, wording.DOCUMENTS_LIST_DISTRIBUTION, date, (chapter,))
