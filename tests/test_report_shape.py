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


def _copy_sample(tmp_path: Path) -> Path:
    import shutil

    meeting = tmp_path / "som-26"
    shutil.copytree(SAMPLE, meeting)
    return meeting


def _blocks(chapter) -> list[tuple[str, object]]:
    return [(inline_text(b.content), b) for b in chapter.blocks if hasattr(b, "content")]


def test_attendance_is_made_from_the_list_of_participants(tmp_path: Path):
    report = _report()
    opening = next(c for c in report.chapters if c.written == "Opening of the meeting")
    texts = [text for text, _ in _blocks(opening)]
    heading = texts.index("Attendance")
    assert [b for t, b in _blocks(opening) if t == "Attendance"][0].third_degree
    assert texts[heading + 1:] == [
        "The following member States were represented: China, Japan, Mongolia, Republic of Korea and Russian "
        "Federation.",
        "The following intergovernmental organizations were represented: Asian Forest Cooperation Organization.",
        "The following served as the Secretariat: Economic and Social Commission for Asia and the Pacific and "
        "ESCAP East and North-East Asia Office."]
    # a registration more: the report says so, as its annex does
    meeting = _copy_sample(tmp_path)
    export = meeting / "registrations" / "som-26-registrations.csv"
    export.write_text(export.read_text() + "26,Ana Lopes,Ms.,Ana,Lopes,a@example.org,UNEP,Officer,United Nations "
                      "Environment Programme,,United Nations,,2023-11-10,Complete\n")
    opening = next(c for c in _report(meeting).chapters if c.written == "Opening of the meeting")
    assert ("The following United Nations bodies and specialized agencies were represented: United Nations "
            "Environment Programme." in [text for text, _ in _blocks(opening)])


def test_the_adopted_agenda_when_meeting_yaml_says_so(tmp_path: Path):
    report = _report()
    chapters = list(report.chapters)
    adoption = next(i for i, c in enumerate(chapters) if c.written == "Adoption of the agenda")
    blocks = [b for b in chapters[adoption].blocks]
    lead_in = next(i for i, b in enumerate(blocks) if inline_text(b.content) == "The Meeting adopted the following "
                   "agenda:")
    items = blocks[lead_in + 1:]
    assert [(b.number, b.own_number) for b in items] == [(n, True) for n in range(1, 11)]
    assert items[0].restart and inline_text(items[0].content) == "Opening of the meeting."
    assert [s.label for s in items[4].subitems] == ["(a)", "(b)", "(c)", "(d)", "(e)"]
    following = chapters[adoption + 1].blocks[0]
    assert following.number == blocks[lead_in].number + 1 and following.restart, "the report's count resumes"
    # the DOCX's Word numbering shows the same numbers (the writer checks each against the model)
    diags = Diagnostics()
    data = note_docx(report, TEMPLATES / "reference.docx", diags, pages={}, soffice=None, meeting_root=SAMPLE)
    assert data is not None and not diags.errors
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert texts.index("The Meeting adopted the following agenda:") + 1 == texts.index("Opening of the meeting.")
    # without the key, no agenda in the report
    meeting = _copy_sample(tmp_path)
    yaml = meeting / "meeting.yaml"
    yaml.write_text(yaml.read_text().replace("agenda_in_report: true", "agenda_in_report: false"))
    assert not [b for c in _report(meeting).chapters for b in c.blocks if getattr(b, "own_number", False)]


def test_agenda_in_report_needs_the_item_it_is_adopted_under(tmp_path: Path):
    from conftest import run_cli

    meeting = _copy_sample(tmp_path)
    yaml = meeting / "meeting.yaml"
    text = yaml.read_text().replace('agenda_adopted_under: "3"', "")
    yaml.write_text(text)
    line = next(n for n, words in enumerate(text.split("\n"), 1) if words.startswith("agenda_in_report"))
    errors = [e for e in run_cli("check", meeting).stderr.splitlines() if ": error: " in e]
    assert errors == [f"meeting.yaml:{line}:19: error: agenda_in_report prints the agenda in the section of the item "
                      "it is adopted under: name it with agenda_adopted_under (\"3\")"]
