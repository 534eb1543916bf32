"""The meeting and its notes -> the provisional agenda, the annotated agenda and the list of documents."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable

from toolkit.errors import Diagnostics
from toolkit.model.wording import (AGENDA_DISTRIBUTION, DOCUMENTS_LIST_DISTRIBUTION, Distribution, Wording,
                                   for_language)
from toolkit.model.document import (Block, Chapter, Emphasis, Inline, Kind, LineBreak, Note, Paragraph,
                                    SubHeading, Table)
from toolkit.model.meeting import AgendaItem, Meeting, agenda_list
from toolkit.model.numbering import number_document
from toolkit.model.masthead import masthead
from toolkit.model.scripts import runs


def _document(meeting: Meeting, kind: Kind, stem: str, title: str, symbol: str | None,
              distribution: Distribution | None,
              date: dt.date, chapters: tuple[Chapter, ...], item: str | None = None) -> Note:
    distribution = distribution if meeting.distribution_shown else None  # meeting.yaml `distribution: none`
    w = for_language(meeting.language)
    return Note(
        stem=stem, source=meeting.source, title=title, date=date, language=w.tag,
        masthead=masthead(meeting, w, symbol, distribution, date, title), contents_heading=None, contents=(),
        chapters=chapters, annexes=(), footnotes=(), running_head=symbol, meeting_title=meeting.title,
        organization=for_language(meeting.language).author,
        keywords=tuple(k for k in (meeting.short_title, title) if k),
        agenda_keys=(), kind=kind, symbol=symbol, distribution=distribution, language_code=meeting.language,
        item_citation=item)


def provisional_agenda(meeting: Meeting, date: dt.date) -> Note:
    chapter = Chapter(None, (), agenda_list(meeting), "agenda")
    return _document(meeting, "agenda", "provisional-agenda", _w(meeting).provisional_agenda, meeting.agenda_symbol,
                     AGENDA_DISTRIBUTION, date, (chapter,), meeting.agenda_adopted_under)


def _w(meeting: Meeting) -> Wording:
    return for_language(meeting.language)


def _documentation(item: AgendaItem, issued: list[tuple[str, str | None, str | None]], w: Wording) -> list[Block]:
    """issued: (title, symbol, agenda item) of every document of the meeting."""
    lines = [f"{title} ({symbol})" if symbol else title for title, symbol, cited in issued if cited == item.citation]
    if not lines:
        return []
    content: list[Inline] = []
    for line in lines:
        if content:
            content.append(LineBreak())
        content.extend(runs(line))
    return [Paragraph(None, (Emphasis(runs(w.documentation)),), keep=True), Paragraph(None, tuple(content))]


def annotated_agenda(meeting: Meeting, date: dt.date, annotations: dict[str, tuple[Block, ...]],
                     notes: list[Note]) -> Note:
    w = _w(meeting)
    # The agenda is adopted under its own item (meeting.yaml `agenda_adopted_under`): the provisional
    # agenda and this document are that item's documentation.
    adopted = meeting.agenda_adopted_under
    issued = [(w.provisional_agenda, meeting.agenda_symbol, adopted),
              (w.annotated_agenda, meeting.annotated_agenda_symbol, adopted)]
    issued += [(w.listed_title(n.title, n.masthead.supplement), n.symbol, n.item_citation) for n in notes
               if n.kind != "report"]  # the report is drafted at the meeting: the agenda lists what goes out before
    blocks: list[Block] = []
    for item in meeting.agenda:
        blocks.append(SubHeading(runs(f"{item.number}. {item.title}"), item.position))
        blocks.extend(annotations.get(item.key, ()))
        blocks.extend(_documentation(item, issued, w))
        for sub in item.subitems:
            blocks.append(SubHeading(runs(f"{w.list_label(sub.mark)} {sub.title}"), sub.position))
            blocks.extend(annotations.get(sub.key, ()))
            blocks.extend(_documentation(sub, issued, w))
    chapters = (
        Chapter("I", runs(w.provisional_agenda.upper()), agenda_list(meeting), "chI", written=w.provisional_agenda),
        Chapter("II", runs(w.annotations.upper()), tuple(blocks), "chII", written=w.annotations),
    )
    return _document(meeting, "annotated-agenda", "annotated-agenda", w.annotated_agenda,
                     meeting.annotated_agenda_symbol, AGENDA_DISTRIBUTION, date, chapters, adopted)


# The list of documents' columns, in the order of the wording's documents_columns: the cell of a document and
# the column's share of the text width. A symbol and a date never break inside (_UNBROKEN): their columns
# hold "ESCAP/NEASPEC/SOM(26)/L.1/Add.1" and "30 September 2023" on one line of 10 pt type.
_CELLS: tuple[tuple[str, Callable[[Note], str], float], ...] = (("symbol", lambda doc: doc.symbol or "", 0.38),
          ("title", lambda doc: for_language(doc.language_code).listed_title(doc.title, doc.masthead.supplement), 0.19),
          ("item", lambda doc: doc.item_citation or "", 0.10),
          ("distribution", lambda doc: doc.distribution or "", 0.14),
          ("date", lambda doc: for_language(doc.language_code).block.date(doc.date), 0.19))
_UNBROKEN = ("symbol", "date")


def documents_columns(meeting: Meeting, documents: list[Note]) -> tuple[tuple[str, str, float], ...]:
    """(key, heading, width) of the columns the list of documents prints: no Symbol column when no
    document has a symbol, no Distribution column when the meeting prints none (meeting.yaml
    `distribution: none`); the Title takes the width freed."""
    dropped = set()
    if not any(doc.symbol for doc in documents):
        dropped.add("symbol")
    if not meeting.distribution_shown:
        dropped.add("distribution")
    kept = [(key, heading, width)
            for (key, _, width), heading in zip(_CELLS, _w(meeting).documents_columns, strict=True)
            if key not in dropped]
    freed = 1 - sum(width for _, _, width in kept)
    return tuple((key, heading, round(width + freed, 4) if key == "title" else width)
                 for key, heading, width in kept)


def documents_list(meeting: Meeting, date: dt.date, documents: list[Note]) -> Note:
    columns = documents_columns(meeting, documents)
    cells = {key: cell for key, cell, _ in _CELLS}
    rows = tuple(tuple(runs(cells[key](doc)) for key, _, _ in columns) for doc in documents)
    table = Table(tuple(runs(heading) for _, heading, _ in columns), rows, tuple(w for _, _, w in columns),
                  unbroken=tuple(i for i, (key, _, _) in enumerate(columns) if key in _UNBROKEN))
    chapter = Chapter(None, (), (table,), "documents")
    return _document(meeting, "documents", "list-of-documents", _w(meeting).documents_list,
                     meeting.documents_list_symbol, DOCUMENTS_LIST_DISTRIBUTION, date, (chapter,))


def issue_date(meeting: Meeting, notes: list[Note]) -> dt.date:
    """The provisional agenda's date: meeting.yaml `issued`; else SOURCE_DATE_EPOCH; else the latest note's
    date; else the first day. The provisional agenda goes out before the meeting, with its documents."""
    if meeting.issued:
        return meeting.issued
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    # the report is issued at the meeting's end: the agenda goes out with the documents before it; a
    # revision or a corrigendum goes out later, on its own
    return max((n.date for n in notes if n.kind not in ("report", "corrigendum") and not n.revision),
               default=meeting.start)


def annotated_date(meeting: Meeting, notes: list[Note]) -> dt.date:
    """The annotated agenda lists the documents issued for each item: dated no earlier than the latest
    of them (a revision or a corrigendum it lists included), unless meeting.yaml `issued` says
    (toolkit/checks/dates.py then warns of a document it lists dated later)."""
    if meeting.issued:
        return meeting.issued
    return max([issue_date(meeting, notes), *(n.date for n in notes if n.item_citation and n.kind != "report")])


def documents_list_date(meeting: Meeting, listed: list[Note]) -> dt.date:
    """The list of documents is issued at the meeting: meeting.yaml `documents_list_date`; else the
    meeting's first day, or the date of the latest document it lists when later (the report)."""
    if meeting.documents_list_date:
        return meeting.documents_list_date
    return max([meeting.start, *(doc.date for doc in listed)])


def participants_list_date(meeting: Meeting) -> dt.date:
    """The list of participants is issued at the meeting, once registration closes: meeting.yaml
    `participants: date:`, else the meeting's first day."""
    source = meeting.participants
    return source.date if source is not None and source.date else meeting.start


def agenda_documents(meeting: Meeting, notes: list[Note], annotations: dict[str, tuple[Chapter, ...]],
                     diags: Diagnostics, information: list[Note] | None = None,
                     issued_agenda: Note | None = None) -> list[Note]:
    """-> the provisional agenda, the annotated agenda and the list of documents.
    annotations: each item's annotation as read (sources/agenda.py), lettered here;
    information: other documents the list of documents lists after the notes (the list of participants);
    issued_agenda: the provisional agenda as issued, which the list of documents then lists."""
    agenda = provisional_agenda(meeting, issue_date(meeting, notes))
    ordered = sorted(notes, key=lambda n: _agenda_order(meeting, n))
    lettered = {}
    for key, chapters in annotations.items():  # (a), (b) of its lists, lettered as the meeting's language does
        numbered = number_document(chapters, (), {}, diags, wording=for_language(meeting.language)).chapters
        lettered[key] = tuple(block for chapter in numbered for block in chapter.blocks)
    annotated = annotated_agenda(meeting, annotated_date(meeting, notes), lettered, ordered)
    # documents under no agenda item (information notes, the list of participants) come last, by symbol
    # as one reads it: INF/2 before INF/3 and INF/10
    on_agenda = [n for n in ordered if _agenda_order(meeting, n)[0] < _NO_ITEM]
    others = sorted([n for n in ordered if n not in on_agenda] + list(information or ()), key=_symbol_order)
    listed = [issued_agenda or agenda, annotated] + on_agenda + others
    return [agenda, annotated, documents_list(meeting, documents_list_date(meeting, listed), listed)]


def _symbol_order(note: Note) -> tuple[tuple[int, int | str], ...]:
    """ESCAP/NEASPEC/SOM(26)/INF/10 after .../INF/2: its figures compared as numbers."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", note.symbol or note.stem) if part)


def _agenda_order(meeting: Meeting, note: Note) -> tuple[int, str, int, str]:
    """By agenda item, then file name; a corrigendum or addendum right under its base document."""
    base = note.base or note.stem
    rank = {"corrigendum": 1}.get(note.kind, 2 if note.base else 0)
    for index, item in enumerate(i for top in meeting.agenda for i in (top, *top.subitems)):
        if item.citation == note.item_citation:
            return index, base, rank, note.stem
    return _NO_ITEM, base, rank, note.stem


_NO_ITEM = 10_000
