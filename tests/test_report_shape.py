"""The report of the meeting in UN shape (issue 18, point 6): sub-item headings are third-degree headings
(an h3 in the PDF, Heading 3 in the DOCX), an Attendance part made from the list of participants, and the
adopted agenda when meeting.yaml says so."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx

from conftest import REPO, SAMPLE
from toolkit.errors import Diagnostics
from toolkit.model.build import load
from toolkit.model.document import SubHeading
from toolkit.model.plain import inline_text
from toolkit.model.walk import nodes
from toolkit.render.docx import note_docx
from toolkit.render.pdf.html import environment, render_note_html

TEMPLATES = REPO / "templates"


def _report(meeting: Path = SAMPLE):
    loaded = load(meeting)
    return next(n for n in loaded.notes if n.kind == "report")


def test_sub_item_headings_are_third_degree_headings():
    report = _report()
    third = [inline_text(h.content) for h in nodes(report.chapters, SubHeading) if h.third_degree]
    assert "(a) Air pollution" in third and "(d) Low carbon cities" in third
    html = render_note_html(report, environment(TEMPLATES), None, SAMPLE)
    assert re.search(r'<h3 data-pdf-role="H2">\(a\) Air pollution</h3>', html)
    document = docx.Document(io.BytesIO(note_docx(report, TEMPLATES / "reference.docx", Diagnostics(),
                                                  pages={}, soffice=None, meeting_root=SAMPLE)))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["(a) Air pollution"] == "Heading 3"
    assert document.styles["Heading 3"].font.bold
