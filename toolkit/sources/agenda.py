"""meeting.yaml annotations and the notes -> the agenda documents of the model."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from toolkit.errors import Diagnostics
from toolkit.model.agenda import annotated_agenda, documents_list, provisional_agenda
from toolkit.model.document import Block, Note
from toolkit.model.meeting import Meeting
from toolkit.model.wording import for_language
from toolkit.sources.expressions import Expressions, meeting_names
from toolkit.model.numbering import number_document
from toolkit.sources.markdown import BodyContext, markdown_parser, parse_body


def issue_date(meeting: Meeting, notes: list[Note]) -> dt.date:
    """meeting.yaml `issued`; else SOURCE_DATE_EPOCH; else the latest note's date; else the first day."""
    if meeting.issued:
        return meeting.issued
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    # the report is issued at the meeting's end: the agenda goes out with the documents before it; a
    # revision or a corrigendum goes out later, on its own
    return max((n.date for n in notes if n.kind not in ("report", "corrigendum") and not n.revision),
               default=meeting.start)


def _annotations(root: Path, meeting: Meeting, diags: Diagnostics) -> dict[str, tuple[Block, ...]]:
    md = markdown_parser()
    out = {}
    items = [i for item in meeting.agenda for i in (item, *item.subitems)]
    for item in items:
        if not item.annotation or item.annotation_position is None:
            continue
        expressions = Expressions({"meeting": meeting_names(meeting)})
        ctx = BodyContext(md, expressions, diags, root, numbered=False)
        where = item.annotation_position
        if item.annotation_block:
            chapters = parse_body(item.annotation, meeting.source, where.line, ctx, indent=(where.col or 1) - 1)
        else:
            chapters = parse_body(item.annotation, meeting.source, where.line, ctx, first_col=where.col or 1)
        if any(c.headed for c in chapters) or ctx.footnotes:
            diags.error(item.annotation_position, "an annotation holds paragraphs and lists only "
                                                  "(no '#' headings, no footnotes)")
            continue
        # (a), (b) of its lists, lettered as the meeting's language does
        lettered = number_document(tuple(chapters), (), {}, diags, wording=for_language(meeting.language)).chapters
        out[item.key] = tuple(block for chapter in lettered for block in chapter.blocks)
    return out


def agenda_docs(root: Path, meeting: Meeting, notes: list[Note], diags: Diagnostics,
                information: list[Note] | None = None) -> list[Note]:
    """information: other documents the list of documents lists after the notes (the list of participants)."""
    date = issue_date(meeting, notes)
    agenda = provisional_agenda(meeting, date)
    ordered = sorted(notes, key=lambda n: _agenda_order(meeting, n))
    annotated = annotated_agenda(meeting, date, _annotations(root, meeting, diags), ordered)
    listed = [agenda, annotated] + ordered + list(information or ())
    return [agenda, annotated, documents_list(meeting, date, listed)]


def _agenda_order(meeting: Meeting, note: Note) -> tuple[int, str, int, str]:
    """By agenda item, then file name; a corrigendum or addendum right under its base document."""
    base = note.base or note.stem
    rank = {"corrigendum": 1}.get(note.kind, 2 if note.base else 0)
    for index, item in enumerate(i for top in meeting.agenda for i in (top, *top.subitems)):
        if item.citation == note.item_citation:
            return index, base, rank, note.stem
    return 10_000, base, rank, note.stem


