"""A Note of the model -> the paragraphs of word/document.xml, in the order of the PDF.

The walk is the one of templates/note.html: masthead, contents, chapters, annexes.
Every paragraph gets a named style; numbers come from Word numbering (numbering.py),
never typed, and `Lists.place` checks each against the model's label as it goes.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from docx.oxml.ns import qn

from toolkit.model.document import (Annex, Attachment, BulletList, Chapter, Figure, Inline, ListItem, Note,
                                    Paragraph, SubHeading, Table)
from toolkit.render.docx.oxml import styles as S
from toolkit.render.docx.attached.annex import AttachmentWriter, Loaded
from toolkit.render.docx.write.fields import Bookmarks, annex_entry_field, cited_anchors, toc_paragraphs
from toolkit.render.docx.write.figure import FigureWriter
from toolkit.render.docx.write.inline import InlineWriter
from toolkit.render.docx.write.numbering import Lists
from toolkit.render.docx.oxml.ooxml import el, num_pr, paragraph, run
from toolkit.render.docx.reference.target import Target
from toolkit.render.docx.write.emblem import emblem_run
from toolkit.render.docx.write.pictures import Picture
from toolkit.render.docx.write.table import note_table, table


class NumberRun:
    """One run of numbers of a list: the note's own (the list a style is linked to), or an
    annex's, whose w:num restarting is made when first needed."""

    def __init__(self, lists: Lists, base: int, restarts: bool):
        self.lists = lists
        self.base = base
        self._num_id = None if restarts else base

    def num_for(self, restart: bool, start: int | None) -> int:
        """The w:num to place a numbered paragraph or heading in. Where the model says numbering
        starts again (an annex; an agenda numbered 1, 5, 6) a new w:num starts at its number, as
        Word's "Set value" does; Lists.place then checks that Word shows the model's number."""
        if restart or self._num_id is None:
            self._num_id = self.lists.restart(0, start=start or 1, base=self.base)
        return self._num_id


class BodyWriter:
    def __init__(self, target: Target, inline: InlineWriter, contents_inline: InlineWriter, note: Note,
                 attached: Mapping[str, Loaded] | None = None, pictures: Mapping[str, Picture] | None = None):
        self.target = target
        self.styles = target.styles
        self.lists = target.lists
        self.inline = inline
        self.contents_inline = contents_inline  # no footnotes in the contents
        self.note = note
        self.bookmarks = Bookmarks()
        self.cited = cited_anchors(note)
        self.new_page = False  # the next paragraph starts a page (the body after the contents)
        self.attachments = AttachmentWriter(target, attached or {}, self.bookmarks, note)
        self.figures = FigureWriter(target, inline, self.bookmarks, pictures or {})
        self.pictures = pictures or {}

    def _add(self, style: str, *children: etree._Element, props: list[etree._Element] | None = None,
             change: str | None = None) -> None:
        """change: the paragraph inserted or deleted as a whole (a tracked-changes DOCX): its mark too."""
        props = self._page(props)
        if change is not None:
            if self.inline.revisions is None:
                raise TypeError("tracked changes are written only into a tracked-changes DOCX")
            props.append(self.inline.revisions.paragraph_mark(change))
        self.target.append(paragraph(self.styles.para(style), *children, props=props))

    def _page(self, props: list[etree._Element] | None = None) -> list[etree._Element]:
        """A paragraph's own properties, with a page break before it if the body starts here, and then
        no space above it: Word and LibreOffice keep a paragraph's space before at the top of a page
        it starts by a break, where the PDF has none (note.css: the first chapter's heading)."""
        props = list(props or [])
        if self.new_page:
            props += [el("w:pageBreakBefore"), el("w:spacing", {"w:before": "0"})]
            self.new_page = False
        return props

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
        self._chapters(self.note.chapters, self._runs(restarts=False), S.CHAPTER, toc=True)
        for annex in self.note.annexes:
            self._annex(annex)

    def _masthead(self) -> None:
        m = self.note.masthead
        start = len(self.target.body) - 1  # the masthead's first paragraph goes before the sectPr
        self._line(S.SYMBOL, m.symbol)
        for words in (m.distribution, m.date, m.version_line, m.language):
            self._line(S.DISTRIBUTION, words)
        for words in m.organization:
            self._line(S.ORGANIZATION, words)
        for words in (m.meeting_title, m.meeting_dates, m.meeting_venue):
            self._line(S.MEETING, words)
        self._line(S.AGENDA_HEADING, m.agenda_heading)
        self._line(S.ITEM_LINE, m.item_line)
        if m.title:  # an annex issued alone has its annex heading instead
            self._add(S.NOTE_TITLE, *self.inline(m.title))
        self._line(S.AUTHOR_LINE, m.author_line)
        self._line(S.MASTHEAD_ANNEX_HEADING, m.supplement)  # "Corrigendum", set as an annex's heading is
        self._line(S.ITEM_LINE, m.reading_copy)  # a reading copy's mark: not an issued document
        if m.annex_heading:  # an annex issued on its own
            self._line(S.MASTHEAD_ANNEX_HEADING, m.annex_heading)
            self._add(S.ANNEX_TITLE, *self.inline(m.annex_title))
            self._attached(self.note.attachment, m.annex_heading, m.annex_title)
        if m.emblem:  # floats at the top left, anchored to the masthead's first line
            picture = self.pictures.get(m.emblem.path)
            if picture is None:
                raise ValueError(f"emblem {m.emblem.path!r} was not loaded for the DOCX")
            first = self.target.body[start]
            first.insert(1 if first[0].tag == qn("w:pPr") else 0, emblem_run(self.target, m.emblem, m.emblem_alt,
                                                                             picture))

    def _annex(self, annex: Annex) -> None:
        heading = self.bookmarks.around(annex.anchor, self._annex_heading(annex))
        # The annex's line in the contents, for when Word rebuilds them (fields.py)
        entries = [e for e in self.note.contents if e.anchor == annex.anchor]
        self._add(S.ANNEX_HEADING, *heading, *(annex_entry_field(entries[0]) if entries else []))
        self._add(S.ANNEX_TITLE, *self.inline(annex.title))
        self._attached(annex.attachment, annex.heading, annex.title)
        self._chapters(annex.chapters, self._runs(restarts=True), S.ANNEX_CHAPTER, toc=False)

    def _annex_heading(self, annex: Annex) -> list[etree._Element]:
        """ "Annex III", its numeral bookmarked for a ref() to the annex: REF shows "III"."""
        if annex.number_anchor is None:
            return [run(annex.heading)]
        at = annex.heading.rfind(annex.numeral)
        if at < 0:
            raise ValueError(f"annex heading {annex.heading!r} does not show its numeral {annex.numeral!r}")
        before, after = annex.heading[:at], annex.heading[at + len(annex.numeral):]
        return ([run(before)] if before else []) + self.bookmarks.cited(annex.number_anchor, [run(annex.numeral)]) \
            + ([run(after)] if after else [])

    def _runs(self, restarts: bool) -> tuple[NumberRun, NumberRun]:
        """The runs of chapter numerals and of paragraph numbers of the note's body or of an annex."""
        return (NumberRun(self.lists, self.lists.chapter_num, restarts),
                NumberRun(self.lists, self.lists.paragraph_num, restarts))

    def _attached(self, attachment: Attachment | None, heading: str, title: tuple[Inline, ...]) -> None:
        """An annex appended as it is: its content follows the title (attached/annex.py)."""
        if attachment is not None:
            self.attachments.place(attachment, heading, title)

    # ---- chapters and blocks -------------------------------------------------

    def _chapters(self, chapters: tuple[Chapter, ...], runs: tuple[NumberRun, NumberRun], heading_style: str,
                  toc: bool) -> None:
        """toc: the headings are the contents' targets (bookmarked)."""
        headings, numbers = runs
        for chapter in chapters:
            if chapter.numeral:
                self._heading(chapter, headings, heading_style, toc)
            for block in chapter.blocks:
                if isinstance(block, Paragraph):
                    self._paragraph(block, numbers)
                elif isinstance(block, SubHeading):
                    # the annotated agenda's items are headings in bold (note.css: doc-annotated-agenda)
                    style = (S.AGENDA_ITEM_HEADING if self.note.kind == "annotated-agenda"
                             else S.THIRD_DEGREE if block.third_degree else S.SUBHEADING)
                    self._add(style, *self.inline(block.content), change=block.change)
                elif isinstance(block, BulletList):
                    self._items(block.items, 0, None, str(block.position or self.note.source))
                elif isinstance(block, Table):
                    self._table(block)
                elif isinstance(block, Figure):
                    for node in self.figures.write(block, self._page()):
                        self.target.append(node)
                else:
                    raise TypeError(f"the DOCX renderer has no rule for {type(block).__name__}")

    def _heading(self, chapter: Chapter, numerals: NumberRun, style: str, toc: bool) -> None:
        """The numeral "II." and its tab are Word numbering (the chapter list), never typed."""
        where = str(chapter.position or self.note.source)
        num = numerals.num_for(chapter.restart, 1)
        if chapter.change != "del":  # a deleted heading's numeral is not the model's to check
            self.lists.place(num, 0, chapter.label, where)
        # The REF of a ref() to the chapter shows the heading's number (\\r): its bookmark may wrap the title.
        title = self.bookmarks.cited(chapter.anchor if chapter.anchor in self.cited else None,
                                     self.inline(chapter.title))
        if toc:
            title = self.bookmarks.around(chapter.anchor, title)
        self._add(style, *title, props=self._numbering(num, 0, self.styles.num_link(style)), change=chapter.change)

    def _table(self, block: Table) -> None:
        if block.caption is not None:  # a table of a note: caption, table, source and notes
            for node in note_table(block, self.styles, self.inline, self.target.text_width(), self.bookmarks,
                                   self._page()):
                self.target.append(node)
            return
        node = table(block, self.styles, self.inline, self.target.text_width())
        if self.new_page:  # a table cannot break the page itself: an empty paragraph does
            self._add(S.UNNUMBERED)
        self.target.append(node)

    def _numbering(self, num_id: int, ilvl: int, style_link: tuple[int, int] | None) -> list[etree._Element]:
        # Paragraphs of the style's own list need no numPr: the style carries it.
        return [] if style_link == (num_id, ilvl) else [num_pr(num_id, ilvl)]

    def _paragraph(self, block: Paragraph, numbers: NumberRun) -> None:
        where = str(block.position or self.note.source)
        # A cited paragraph's bookmark: REF \\r shows the number its list gives it.
        content = self.bookmarks.cited(block.anchor, self.inline(block.content))
        lead_in = block.keeps_with_next  # kept with its first item: the lead-in styles
        if block.number is None:
            self._add(S.UNNUMBERED_LEAD_IN if lead_in else S.UNNUMBERED, *content, change=block.change)
            self._items(block.subitems, 0, None, where)
            return
        style = S.NUMBERED_LEAD_IN if lead_in else S.NUMBERED
        num = numbers.num_for(block.restart, block.number)
        if block.change != "del":  # a deleted paragraph has no number of the current note to check
            self.lists.place(num, 0, block.label, where)
        props = self._numbering(num, 0, self.styles.num_link(style))
        self._add(style, *content, props=props, change=block.change)
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
            if item.change != "del":
                self.lists.place(num_id, ilvl, item.label, where)
            props = self._numbering(num_id, ilvl, self.styles.num_link(style))
            self._add(style, *self.inline(item.content), props=props, change=item.change)
            self._items(item.children, depth + 1, num_id if item.label is not None else None, where)
