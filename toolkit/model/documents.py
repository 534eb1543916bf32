"""Decisions that concern the meeting's documents together: the INF numbers of information
documents, and the report's annexes made from other documents."""

from __future__ import annotations

from dataclasses import replace

from toolkit.model.document import Chapter, Note
from toolkit.model.meeting import Meeting

FIRST_INF = 2  # INF/1 is the list of documents


def number_information_documents(meeting: Meeting, notes: list[Note]) -> list[Note]:
    """An information document without a symbol of its own gets <meeting symbol>/INF/N: N follows
    the list of documents (INF/1) and the list of participants (INF/2, when there is one), in the
    order of the documents' file names."""
    if not meeting.symbol:
        return notes
    number = FIRST_INF + (1 if getattr(meeting, "participants", None) is not None else 0)
    out = []
    given: dict[str, str] = {}  # an original's symbol, for its translations (notes/NAME.ru.md)
    for note in notes:
        translation = note.original_stem not in ("", note.stem)
        if note.kind == "information" and note.symbol is None:
            if translation:
                symbol = given.get(note.original_stem)
            else:
                symbol = given[note.stem] = f"{meeting.symbol}/INF/{number}"
                number += 1
            if symbol:
                note = replace(note, symbol=symbol, running_head=symbol,
                               masthead=replace(note.masthead, symbol=symbol))
        out.append(note)
    return out


def fill_generated_annexes(report: Note, made: dict[str, tuple[Chapter, ...]]) -> Note:
    """The report's annexes that are other documents (the list of documents, the list of
    participants): their content, once those documents are made. Their chapters are an
    annex's: anchored under it (the report has its own chI), numbered again from I."""
    annexes = tuple(replace(a, chapters=_as_annex(made[a.stem], a.anchor)) if a.stem in made and not a.chapters
                    else a for a in report.annexes)
    return replace(report, annexes=annexes)


def _as_annex(chapters: tuple[Chapter, ...], anchor: str) -> tuple[Chapter, ...]:
    out = []
    first = True
    for chapter in chapters:
        restart = first and chapter.numeral is not None
        first = first and chapter.numeral is None
        out.append(replace(chapter, anchor=f"{anchor}-{chapter.anchor}", restart=restart))
    return tuple(out)
