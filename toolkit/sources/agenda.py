"""meeting.yaml's agenda annotations -> their paragraphs and lists as read, by agenda item (the model
letters them and makes the agenda documents: model/agenda.py)."""

from __future__ import annotations

from pathlib import Path

from toolkit.errors import Diagnostics
from toolkit.model.document import Chapter
from toolkit.model.meeting import Meeting
from toolkit.sources.expressions import Expressions, meeting_names
from toolkit.sources.markdown import BodyContext, markdown_parser, parse_body


def read_annotations(root: Path, meeting: Meeting, diags: Diagnostics) -> dict[str, tuple[Chapter, ...]]:
    """Each agenda item's `annotation:` as read (paragraphs and lists, not lettered yet), by item key."""
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
        out[item.key] = tuple(chapters)
    return out
