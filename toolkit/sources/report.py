"""The report of the meeting (kind: report): one section per agenda item, in the agenda's order.

The drafter heads each section with the item's number only (`# 5`, `## 5 (d)` for a
sub-item under it); the heading's words come from the agenda, so the report and the agenda
cannot disagree. A section for an item the agenda lacks is an error; an item without a
section is a warning (the meeting may not have reached it). The decisions of the Meeting
are a paragraph "The Meeting:" followed by a numbered list, lettered (a), (b) like any
sub-items. `{{ document("5d-low-carbon-cities") }}` prints a document's symbol. The
adoption line closes the section of the item "Adoption of the report".
"""

from __future__ import annotations

import re
from dataclasses import replace

from toolkit.errors import Diagnostics, Position
from toolkit.model.wording import Wording, for_language
from toolkit.model.document import Chapter, Inline, Note, Paragraph, SubHeading
from toolkit.model.meeting import AgendaItem, Meeting
from toolkit.model.parts import AnnexSource, Participant
from toolkit.model.plain import inline_text
from toolkit.model.scripts import runs
from toolkit.sources.attendance import adopted_agenda, attendance
from toolkit.sources.expressions import ExpressionError

_CITATION = re.compile(r"^(?:item\s+)?(\d{1,3}\s*(?:\(?[a-z]\)?)?)$", re.I)
_ADOPTION_ITEM = re.compile(r"\badoption of the report\b", re.I)
PARTICIPANTS_STEM = "list-of-participants"
DOCUMENTS_STEM = "list-of-documents"
GENERATED = (PARTICIPANTS_STEM, DOCUMENTS_STEM)


def document_symbol(documents: dict[str, str]):
    """document("5d-low-carbon-cities") -> its symbol; documents: file stem (or the agenda
    documents' names) -> what to print."""
    def document(stem: str) -> str:
        if stem not in documents:
            known = ", ".join(sorted(documents)) or "none"
            # a note of that name that failed to load is the mistake to report, not this mention of it
            raise ExpressionError(f"unknown document {stem!r} in document(...) (the meeting's documents: {known})",
                                  because=f"notes/{stem}.md")
        return documents[stem]

    return document


def citable(meeting: Meeting, notes: list[Note]) -> dict[str, str]:
    """What document() may name: every note and information document by its file name, and the
    documents the toolkit makes, by their output names; each prints its symbol (or its title)."""
    w = for_language(meeting.language)
    made = {"provisional-agenda": (meeting.agenda_symbol, w.provisional_agenda),
            "annotated-agenda": (meeting.annotated_agenda_symbol, w.annotated_agenda),
            DOCUMENTS_STEM: (meeting.documents_list_symbol, w.documents_list)}
    participants = getattr(meeting, "participants", None)
    if participants is not None:
        made[PARTICIPANTS_STEM] = (getattr(participants, "symbol", None), w.participants_list)
    out = {stem: symbol or title for stem, (symbol, title) in made.items()}
    out.update({note.stem: note.symbol or note.title for note in notes if note.original_stem in ("", note.stem)})
    return out


def report_item(meeting: Meeting) -> AgendaItem | None:
    """The item under which the report is listed and adopted: "Adoption of the report"."""
    return next((item for item in meeting.agenda if _ADOPTION_ITEM.search(item.title)), None)


def generated_annexes(meeting: Meeting, w: Wording) -> list[AnnexSource]:
    """Annex I, the list of participants (when the meeting has a registration export), and the
    list of documents: their content is made by the model build once every document is known."""
    out = []
    if getattr(meeting, "participants", None) is not None:
        out.append(AnnexSource(PARTICIPANTS_STEM, meeting.source, runs(w.participants_list), ()))
    out.append(AnnexSource(DOCUMENTS_STEM, meeting.source, runs(w.documents_list), ()))
    return out


def report_sections(chapters: list[Chapter], meeting: Meeting, rel: str, adopted, diags: Diagnostics,
                    w: Wording, participants: tuple[Participant, ...] | None = None) -> list[Chapter]:
    """The drafter's sections -> chapters titled and ordered by the agenda, with the parts made from the
    list of participants and the agenda (sources/attendance.py) and the adoption line."""
    order = {item.key: index for index, item in enumerate(meeting.agenda)}
    sections: dict[str, Chapter] = {}
    before: list[Chapter] = []
    for chapter in chapters:
        if not chapter.headed:
            before.append(chapter)
            continue
        item = _item(chapter.title, chapter.position, meeting, diags, level="#")
        if item is None:
            continue
        if item.key not in order:  # a sub-item written as a section
            diags.error(chapter.position or Position(rel), f"item {item.citation} is a sub-item: write its section "
                                                           f"as '## {item.citation}' under its item's section")
            continue
        if item.key in sections:
            first = sections[item.key].position
            diags.error(chapter.position or Position(rel), f"a second section for item {item.citation} (the first "
                                                           f"is at line {first.line if first else '?'})")
            continue
        blocks = _subsections(chapter, item, meeting, diags, w)
        sections[item.key] = replace(chapter, title=runs(item.title.upper()), blocks=blocks, written=item.title)
    for item in meeting.agenda:
        if item.key not in sections:
            diags.warning(Position(rel, 1), f"the report has no section for agenda item {item.citation} "
                                            f"({item.title}): write '# {item.number}'")
    _made_parts(sections, meeting, participants, w)
    ordered = [sections[item.key] for item in meeting.agenda if item.key in sections]
    if adopted is not None and ordered:
        target = report_item(meeting)
        index = next((i for i, c in enumerate(ordered) if target and c is sections.get(target.key)), len(ordered) - 1)
        line = Paragraph(None, runs(w.adoption_line(adopted)))
        ordered[index] = replace(ordered[index], blocks=ordered[index].blocks + (line,))
    return before + ordered


def _made_parts(sections: dict[str, Chapter], meeting: Meeting, participants: tuple[Participant, ...] | None,
                w: Wording) -> None:
    """Attendance at the end of the first item's section (the opening, where UN reports give it); the
    adopted agenda at the end of the section of the item it is adopted under."""
    first = meeting.agenda[0].key if meeting.agenda else None
    source = getattr(meeting, "participants", None)
    if participants and first in sections and source is not None:
        parts = attendance(participants, w, Position(source.file, 1))
        sections[first] = replace(sections[first], blocks=sections[first].blocks + parts)
    under = meeting.find_item(meeting.agenda_adopted_under) if meeting.agenda_adopted_under else None
    if meeting.agenda_in_report and under is not None:
        key = (under[1] or under[0]).key
        if key in sections:
            sections[key] = replace(sections[key], blocks=sections[key].blocks + adopted_agenda(meeting, w))


def _item(title: tuple[Inline, ...], position: Position | None, meeting: Meeting, diags: Diagnostics,
          level: str) -> AgendaItem | None:
    words = _unwrapped(inline_text(title)) if level == "##" else inline_text(title).strip()
    match = _CITATION.match(words)
    found = meeting.find_item(match.group(1).lower()) if match else None
    if found is None:
        agenda = ", ".join(i.citation for top in meeting.agenda for i in (top, *top.subitems))
        diags.error(position or Position(meeting.source), f"report section '{level} {words}' names no agenda item: "
                                                          f"head each section with its item's number ({agenda})")
        return None
    return found[0]


def _unwrapped(text: str) -> str:
    """A sub-heading's words without the parentheses the reader puts around them."""
    text = text.strip()
    return text[1:-1].strip() if text.startswith("(") and text.endswith(")") else text


def _subsections(chapter: Chapter, item: AgendaItem, meeting: Meeting, diags: Diagnostics, w: Wording) -> tuple:
    """'## 5 (d)' sub-headings -> "(d) Low carbon cities" ("d) ..." in French), in the agenda's order of sub-items."""
    blocks = []
    last = -1
    letters = [sub.letter for sub in item.subitems]
    for block in chapter.blocks:
        if isinstance(block, SubHeading) and _CITATION.match(_unwrapped(inline_text(block.content))):
            sub = _item(block.content, block.position, meeting, diags, level="##")
            if sub is None:
                continue
            if sub.letter is None or sub not in item.subitems:
                diags.error(block.position or Position(meeting.source),
                            f"'## {sub.citation}' is not a sub-item of item {item.citation}")
                continue
            index = letters.index(sub.letter)
            if index <= last:
                diags.error(block.position or Position(meeting.source),
                            f"sub-item {sub.citation} comes after ({letters[last]}) in the agenda's order: "
                            "keep the sub-items' sections in that order")
            last = max(last, index)
            block = replace(block, content=runs(f"{w.list_label(sub.letter)} {sub.title}"), third_degree=True)
        blocks.append(block)
    return tuple(blocks)
