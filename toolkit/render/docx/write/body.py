"""A Note of the model -> the paragraphs of word/document.xml, in the order of the PDF.

The walk is the one of templates/note.html: masthead, contents, chapters, annexes.
Every paragraph gets a named style; numbers come from Word numbering (numbering.py),
never typed, and `Lists.place` checks each against the model's label as it goes.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from toolkit.model.document import (Annex, Attachment, BulletList, Chapter, ListItem, Note, Paragraph, SubHeading,
                                    Table)
from toolkit.render.docx.write import styles as S
from toolkit.render.docx.attached.annex import AttachmentWriter, Loaded
from toolkit.render.docx.write.fields import Bookmarks, annex_entry_field, toc_paragraphs
from toolkit.render.docx.write.inline import InlineWriter
from toolkit.render.docx.write.numbering import Lists
from toolkit.render.docx.write.ooxml import el, num_pr, paragraph, run
from toolkit.render.docx.reference.target import Target
from toolkit.render.docx.write.table import table


class NumberRun:
    """One run of paragraph numbers: the note's own (the list of the Numbered Paragraph
    style), or an annex's, whose w:num restarting at 1 is made when first needed."""

    def __init__(self, lists: Lists, restarts: bool):
        self.lists = lists
        self._num_id = None if restarts else lists.paragraph_num
        self._next = 1  # the number Word shows next in this run

    def num_for(self, number: int) -> int:
        """The w:num to place paragraph `number` in. A number that does not follow on (an
        agenda numbered 1, 5, 6) starts a new w:num at that number, as Word's "Set value" does."""
        if number != self._next:
            self._num_id = self.lists.restart(0, start=number)
        elif self._num_id is None:
            self._num_id = self.lists.restart(0)
        self._next = number + 1
        return self._num_id


class BodyWriter:
    def __init__(self, target: Target, inline: InlineWriter, contents_inline: InlineWriter, note: Note,
                 attached: Mapping[str, Loaded] | None = None):
        self.target = target
        self.styles = target.styles
        self.lists = target.lists
        self.inline = inline
        self.contents_inline = contents_inline  # no footnotes in the contents
        self.note = note
        self.bookmarks = Bookmarks()
        self.new_page = False  # the next paragraph starts a page (the body after the contents)
        self.attachments = AttachmentWriter(target, attached or {}, self.bookmarks, note)

    def _add(self, style: str, *children: etree._Element, props: list[etree._Element] | None = None) -> None:
        props = list(props or [])
        if self.new_page:
            props.append(el("w:pageBreakBefore"))
            self.new_page = False
        self.target.append(paragraph(self.styles.para(style), *children, props=props))

    def _line(self, style: str, words: str | None) -> None:
        if words:  # a masthead line the document does not have is left out, as in the PDF
            self._add(style, run(words))

    # ---- the document --------------------------------------------------------

    def write(self, pages: dict[str, int]) -> None:
        self._masthead()
        if self.note.contents_heading:
            self._line(S.CONTENTS_HEADING, self.note.contents_heading)
            for node in toc_paragraphs(self.note.contents, pages, self.styles.para(S.TOC_CHAPTER),
                                       self.styles.para(S.TOC_ANNEX), self.contents_inline):
                self.target.append(node)
            self.new_page = True
        self._chapters(self.note.chapters, NumberRun(self.lists, restarts=False), S.CHAPTER, toc=True)
        for annex in self.note.annexes:
            self._annex(annex)

    def _masthead(self) -> None:
        m = self.note.masthead
        self._line(S.SYMBOL, m.symbol)
        for words in (m.distribution, m.date, m.language):
            self._line(S.DISTRIBUTION, words)
        for words in m.organization:
            self._line(S.ORGANIZATION, words)
        for words in (m.meeting_title, m.meeting_dates, m.meeting_venue):
            self._line(S.MEETING, words)
        self._line(S.AGENDA_HEADING, m.agenda_heading)
        self._line(S.ITEM_LINE, m.item_line)
        self._add(S.NOTE_TITLE, *self.inline(m.title))
        self._line(S.AUTHOR_LINE, m.author_line)
        if m.annex_heading:  # an annex issued on its own
            self._line(S.MASTHEAD_ANNEX_HEADING, m.annex_heading)
            self._add(S.ANNEX_TITLE, *self.inline(m.annex_title))
            self._attached(self.note.attachment, m.annex_heading)

    def _annex(self, annex: Annex) -> None:
        heading = self.bookmarks.around(annex.anchor, [run(annex.heading)])
        # The annex's line in the contents, for when Word rebuilds them (fields.py)
        entries = [e for e in self.note.contents if e.anchor == annex.anchor]
        self._add(S.ANNEX_HEADING, *heading, *(annex_entry_field(entries[0]) if entries else []))
        self._add(S.ANNEX_TITLE, *self.inline(annex.title))
        self._attached(annex.attachment, annex.heading)
        self._chapters(annex.chapters, NumberRun(self.lists, restarts=True), S.ANNEX_CHAPTER, toc=False)

    def _attached(self, attachment: Attachment | None, heading: str) -> None:
        """An annex appended as it is: its content follows the title (attached/annex.py)."""
        if attachment is not None:
            self.attachments.place(attachment, heading)

    # ---- chapters and blocks -------------------------------------------------

    def _chapters(self, chapters: tuple[Chapter, ...], numbers: NumberRun, heading_style: str, toc: bool) -> None:
        """toc: the headings are the contents' targets (bookmarked)."""
        for chapter in chapters:
            if chapter.numeral:
                runs = [run(chapter.label), run(el("w:tab")), *self.inline(chapter.title)]
                self._add(heading_style, *(self.bookmarks.around(chapter.anchor, runs) if toc else runs))
            for block in chapter.blocks:
                if isinstance(block, Paragraph):
                    self._paragraph(block, numbers)
                elif isinstance(block, SubHeading):
                    # the annotated agenda's items are headings in bold (note.css: doc-annotated-agenda)
                    style = S.AGENDA_ITEM_HEADING if self.note.kind == "annotated-agenda" else S.SUBHEADING
                    self._add(style, *self.inline(block.content))
                elif isinstance(block, BulletList):
                    self._items(block.items, 0, None, str(block.position or self.note.source))
                elif isinstance(block, Table):
                    self._table(block)
                else:
                    raise TypeError(f"the DOCX renderer has no rule for {type(block).__name__}")

    def _table(self, block: Table) -> None:
        node = table(block, self.styles, self.inline, self.target.text_width())
        if self.new_page:  # a table cannot break the page itself: an empty paragraph does
            self._add(S.UNNUMBERED)
        self.target.append(node)

    def _numbering(self, num_id: int, ilvl: int, style_link: tuple[int, int] | None) -> list[etree._Element]:
        # Paragraphs of the style's own list need no numPr: the style carries it.
        return [] if style_link == (num_id, ilvl) else [num_pr(num_id, ilvl)]

    def _paragraph(self, block: Paragraph, numbers: NumberRun) -> None:
        where = str(block.position or self.note.source)
        if block.number is None:
            self._add(S.UNNUMBERED, *self.inline(block.content))
            self._items(block.subitems, 0, None, where)
            return
        num = numbers.num_for(block.number)
        self.lists.place(num, 0, block.label, where)
        props = self._numbering(num, 0, self.styles.num_link(S.NUMBERED))
        self._add(S.NUMBERED, *self.inline(block.content), props=props)
        self._items(block.subitems, 0, num, where)

    def _items(self, items: tuple[ListItem, ...], depth: int, num: int | None, where: str) -> None:
        """List items at depth 0 ((a) or bullet) or 1 ((i) or bullet); num: the parent's list."""
        if items and depth > 1:
            raise ValueError(f"{where}: the DOCX renderer places lists two levels deep at most")
        group: int | None = None  # the list of a lettered group that hangs under no numbered paragraph
        for item in items:
            where = str(item.position or where)
            if item.label is None:
                style = S.BULLET if depth == 0 else S.BULLET_2
                num_id, ilvl = self.lists.bullet_num, depth
            else:
                style = S.SUBITEM if depth == 0 else S.SUBSUBITEM
                ilvl = depth + 1
                if num is None and group is None:
                    group = self.lists.restart(ilvl)
                num_id = num if num is not None else group
            self.lists.place(num_id, ilvl, item.label, where)
            props = self._numbering(num_id, ilvl, self.styles.num_link(style))
            self._add(style, *self.inline(item.content), props=props)
            self._items(item.children, depth + 1, num_id if item.label is not None else None, where)
