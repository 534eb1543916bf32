"""What the issued records decide for the build: the revisions' tracked changes to write, the files
each document is made of, and each corrigendum's lines to count (a render step: pipeline/counting.py).

issuing/apply.py fills an Issuing while the model is built; the pipeline reads it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from toolkit.model.document import Note


@dataclass(frozen=True)
class Changes:
    """A revision's Word file with tracked changes against the version issued: NAME-revN-changes.docx."""

    name: str
    issued: Note
    current: Note
    author: str
    date: dt.datetime
    record: str  # issued/NAME.yaml


@dataclass(frozen=True)
class LineCount:
    """A corrigendum whose places ("Paragraph 5, line 3") need the lines of the issued PDF: the model
    makes it without them; the pipeline lays the issued note out with the build's templates and
    makes it again with them (model/supplements.py corrigendum)."""

    issued: Note  # the version the corrigendum corrects, as issued
    current: Note  # the document now
    number: int
    date: dt.date


@dataclass
class Issuing:
    records: dict[str, str] = field(default_factory=dict)  # document name -> its record, issued/NAME.yaml
    changes: list[Changes] = field(default_factory=list)
    # document name -> the files it is made of (the note's own, meeting.yaml first), for records and jobs
    files: dict[str, tuple[str, ...]] = field(default_factory=dict)
    revisions: dict[str, int] = field(default_factory=dict)  # document name -> its revision (none: 0)
    counts: dict[str, LineCount] = field(default_factory=dict)  # corrigendum name -> its lines to count
    # a corrected document's name -> (its text as issued, its annexes issued alone as issued): what the build
    # writes under its name, for the corrigenda to correct (supplements.stay_as_issued)
    as_issued: dict[str, tuple[Note, tuple[Note, ...]]] = field(default_factory=dict)
    corrected_by: dict[str, tuple[str, ...]] = field(default_factory=dict)  # its corrigenda's symbols, in order
    # a corrected document's name -> its text as its last corrigendum issued corrects it to, when it changed since
    reading: dict[str, Note] = field(default_factory=dict)


ItemKey = tuple[int, int, int | None]  # region index, unit index, sub-item index (None: the paragraph itself)


@dataclass(frozen=True)
class Lines:
    """The printed lines of each paragraph of the issued PDF (render/pdf/lines.py reads them)."""

    lines: dict[ItemKey, tuple[str, ...]]

    def line_of(self, region: int, unit: int, item: int | None, offset: int) -> int | None:
        """The line holding the `offset`-th printed character (spaces not counted) of the
        paragraph (item None) or its item-th sub-item; None when unknown."""
        found = self.lines.get((region, unit, item))
        if not found:
            return None
        seen = 0
        for number, line in enumerate(found, 1):
            seen += sum(1 for ch in line if not ch.isspace())
            if offset < seen:
                return number
        return len(found)
