"""Footnotes serve the drafter: calls keep their label and place, considerations may call the
body's footnotes (numbered on from the body's, in both formats), and a footnote the layout
cannot keep on its call's page is refused at that call, saying what to try."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import MEETINGS, read_pdf, run_cli
from pdf_reading import CALL_SIZE, MARKER_SIZE, superscripts
from toolkit.errors import Position
from toolkit.model.document import Footnote, FootnoteRef, Paragraph
from toolkit.model.plain import inline_text
from toolkit.render.pdf.footnote_check import Misplaced, message
from toolkit.model.build import load

FOOTNOTES = MEETINGS / "footnotes"  # notes/cities.md: footnotes in the body, the considerations and an annex


@pytest.fixture(scope="module")
def loaded():
    return load(FOOTNOTES)


def _calls(content) -> list[FootnoteRef]:
    return [node for node in content if isinstance(node, FootnoteRef)]


def test_considerations_call_the_bodys_footnotes_numbered_on_from_the_body(loaded):
    note = loaded.notes[0]
    assert [(f.number, f.label) for f in note.footnotes] == [
        (1, "study"), (2, "forum"), (3, "mandate"), (4, "host"), (5, "conclusions")]
    assert inline_text(note.footnotes[2].content) == "Decision 2022/3 of the Commission at its seventy-eighth session."
    first, _ = [b for b in note.chapters[-1].blocks if isinstance(b, Paragraph)]
    assert [(r.number, r.first) for r in _calls(first.content)] == [(3, True)]
    assert [[(r.number, r.first) for r in _calls(item.content)] for item in first.subitems] == [
        [(4, True)], [(1, False)]]  # [^study] again: the body's number


def test_each_call_keeps_the_label_and_the_place_the_drafter_typed(loaded):
    note = loaded.notes[0]
    # body line 19; a quoted consideration (line 10, after the quote); a sub-item; the annex file
    assert [(f.label, f.call) for f in note.footnotes] == [
        ("study", Position("notes/cities.md", 19, 74)), ("forum", Position("notes/cities.md", 23, 48)),
        ("mandate", Position("notes/cities.md", 10, 54)), ("host", Position("notes/cities.md", 12, 32)),
        ("conclusions", Position("annexes/forum.md", 1, 35))]
    lines = (FOOTNOTES / "notes" / "cities.md").read_text().splitlines()
    for footnote in note.footnotes[:4]:
        line, col = footnote.call.line, footnote.call.col
        assert lines[line - 1][col - 1:].startswith(f"[^{footnote.label}]")


def test_only_a_definition_nothing_cites_is_unused(loaded):
    warnings = [str(d) for d in loaded.diagnostics.warnings if "footnote" in d.message]
    assert warnings == ["notes/cities.md:29:1: warning: footnote [^spare] is defined but never cited"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("footnotes")
    result = run_cli("build", FOOTNOTES, "--out", out, "--only", "cities")
    assert result.exit_code == 0, result.stderr
    return out


@pytest.mark.slow
@pytest.mark.office
def test_pdf_prints_the_considerations_footnotes_on_their_page(built):
    pages = read_pdf(built / "cities.pdf")
    calls = [(s.page, s.text) for s in superscripts(pages, CALL_SIZE)]
    markers = [(s.page, s.text) for s in superscripts(pages, MARKER_SIZE)]
    considerations = next(p.number for p in pages if "ISSUES FOR CONSIDERATION" in p.text and p.number > 1)
    assert [c for c in calls if c[0] == considerations][-3:] == [(considerations, "3"), (considerations, "4"),
                                                                 (considerations, "1")]
    assert {(considerations, "3"), (considerations, "4")} <= set(markers)
    assert "Decision 2022/3 of the Commission" in pages[considerations - 1].text


@pytest.mark.slow
@pytest.mark.office
def test_docx_has_the_considerations_footnotes_as_word_footnotes(built):
    with zipfile.ZipFile(built / "cities.docx") as docx:
        document = docx.read("word/document.xml").decode()
        footnotes = docx.read("word/footnotes.xml").decode()
    texts = re.findall(r'<w:footnote [^>]*w:id="(\d+)".*?</w:footnote>', footnotes, re.S)
    assert len(texts) >= 5
    body = re.search(r'<w:footnote [^>]*w:id="3".*?</w:footnote>', footnotes, re.S).group(0)
    assert "Decision 2022/3" in body
    paragraph = next(p for p in re.findall(r"<w:p[ >].*?</w:p>", document, re.S) if "recall its mandate" in p)
    assert re.findall(r'w:footnoteReference w:id="(\d+)"', paragraph) == ["3"]


_SENTENCE = "The Secretariat organized a workshop on transboundary air pollution with national focal points. "


@pytest.mark.slow
def test_a_footnote_longer_than_a_page_is_refused_at_its_call(tmp_path: Path):
    meeting = tmp_path / "m"
    shutil.copytree(FOOTNOTES, meeting)
    body = "\n\n".join(_SENTENCE * 6 for _ in range(3))
    (meeting / "notes" / "cities.md").write_text(
        "---\nitem: 2(b)\ntitle: T\ndate: 2023-10-06\n---\n# Background\n\n" + body
        + "\n\nA paragraph with a long note.[^evidence] And more text.\n\n" + body
        + "\n\n[^evidence]: " + _SENTENCE * 75 + "\n")
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--out", out, "--only", "cities", "--format", "pdf")
    assert result.exit_code == 1
    assert re.search(r"^notes/cities\.md:14:30: error: PDF layout: footnote \[\^evidence\] is too long to print on "
                     r"page 3 with its call \((it would fill 1\d\d% of a page|it does not fit on a page)\); shorten it",
                     result.stderr, re.M), result.stderr
    assert not (out / "cities.pdf").exists()


def test_a_footnote_away_from_its_call_is_named_as_typed_with_what_to_try():
    footnotes = (Footnote(1, (), key="n#a", label="a"),
                 Footnote(2, (), Position("notes/x.md", 30), "n#mandate", "mandate", Position("notes/x.md", 12, 41)))
    where, text = message(Misplaced(2, 3, 4, 0.2), footnotes, "notes/x.md")
    assert str(where) == "notes/x.md:12:41"
    assert text == ("PDF layout: footnote [^mandate] would print on page 4, away from its call on page 3; try "
                    "moving the call to another sentence, splitting the paragraph before it, or shortening the "
                    "footnote")
    where, text = message(Misplaced(2, 3, None), footnotes, "notes/x.md")
    assert text.startswith("PDF layout: footnote [^mandate] is too long to print on page 3 with its call")
