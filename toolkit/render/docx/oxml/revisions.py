"""Tracked changes -> Word revision marks: w:ins and w:del around runs, and on paragraph marks.

Text inserted since the issued version is wrapped in <w:ins w:id w:author w:date>, text
deleted in <w:del ...> with its w:t turned into w:delText (w:instrText into
w:delInstrText), as Word writes a revision (ECMA-376 17.13.5). A paragraph inserted or
deleted as a whole also has its paragraph mark marked (<w:pPr><w:rPr><w:ins/>), so
accepting or rejecting it in Word removes the paragraph itself, not only its words. A
hyperlink cannot sit inside w:ins: its runs are wrapped inside it instead. Ids count from
1 in document order across the body and the footnotes; author and date are the
revision's, never the clock, so the bytes are the same at each build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lxml import etree

from docx.oxml.ns import qn
from toolkit.render.docx.oxml.ooxml import el

CHANGES = ("ins", "del")
_RANGE_MARKS = {"bookmarkStart", "bookmarkEnd"}  # may sit inside a revision, beside its runs


@dataclass(frozen=True)
class TrackedChanges:
    """Who made the changes and when: the revision's author line and date, from the sources."""

    author: str
    date: dt.date | dt.datetime

    @property
    def stamp(self) -> str:
        moment = self.date if isinstance(self.date, dt.datetime) else dt.datetime.combine(self.date, dt.time())
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class RevisionMarks:
    """The revision marks of one document being written (ids unique across its parts)."""

    def __init__(self, changes: TrackedChanges):
        self.changes = changes
        self.next_id = 1

    def _mark(self, change: str) -> etree._Element:
        if change not in CHANGES:
            raise ValueError(f"a tracked change is 'ins' or 'del', not {change!r}")
        node = el(f"w:{change}", {"w:id": str(self.next_id), "w:author": self.changes.author,
                                  "w:date": self.changes.stamp})
        self.next_id += 1
        return node

    def property_change(self, old: etree._Element) -> etree._Element:
        """A w:pPrChange holding the paragraph's properties as they were (`old`, a w:pPr)."""
        node = el("w:pPrChange", {"w:id": str(self.next_id), "w:author": self.changes.author,
                                  "w:date": self.changes.stamp}, old)
        self.next_id += 1
        return node

    def paragraph_mark(self, change: str) -> etree._Element:
        """The w:rPr of a pPr: the paragraph mark itself inserted or deleted."""
        return el("w:rPr", None, self._mark(change))

    def wrap(self, change: str, elements: list[etree._Element]) -> list[etree._Element]:
        out: list[etree._Element] = []
        group: etree._Element | None = None
        for element in elements:
            local = etree.QName(element).localname
            if local == "r":
                if change == "del":
                    _deleted_text(element)
                if group is None:
                    group = self._mark(change)
                    out.append(group)
                group.append(element)
            elif local in _RANGE_MARKS:
                (group if group is not None else out).append(element)
            elif local == "hyperlink":
                children = list(element)
                for child in children:
                    element.remove(child)
                for child in self.wrap(change, children):
                    element.append(child)
                out.append(element)
                group = None
            else:
                raise ValueError(f"w:{local} cannot be marked as a tracked change")
        return out


def _deleted_text(run: etree._Element) -> None:
    for node in run.iter(qn("w:t"), qn("w:instrText")):
        node.tag = qn("w:delText") if node.tag == qn("w:t") else qn("w:delInstrText")
