"""The build's DOCX contents page numbers, settled for all notes in batched LibreOffice runs."""

from __future__ import annotations

import pytest

from conftest import REPO, SAMPLE
from toolkit.errors import Diagnostics
from toolkit.render import office
from toolkit.render.docx import render_docx
from toolkit.render.docx.write.pictures import load_pictures
from toolkit.render.docx.chapter_pages import chapter_pages
from toolkit.render.docx.contents_pages import Draft, settle
from toolkit.model.build import load

pytestmark = pytest.mark.skipif(office.find() is None,
                                reason="LibreOffice (deps/debian.txt) is not installed")
REFERENCE = REPO / "templates" / "reference.docx"


@pytest.fixture(scope="module")
def notes():
    return [note for note in load(SAMPLE).notes if note.contents_paged]  # a corrigendum has no contents


def _draft(note, pages: dict[str, int]) -> Draft:
    options = {"pictures": load_pictures(note, SAMPLE, Diagnostics())}
    return Draft(note, render_docx(note, REFERENCE, pages, **options), dict(pages), REFERENCE, options)


def _shown_in_layout(draft: Draft) -> dict[str, int]:
    return chapter_pages(office.convert([draft.docx], office.find())[0], draft.note)


@pytest.mark.slow
@pytest.mark.office
def test_wrong_guesses_are_settled_in_one_batched_run(notes, monkeypatch):
    runs = []
    original = office.convert

    def counting(documents, office):
        runs.append(len(documents))
        return original(documents, office)

    monkeypatch.setattr(office, "convert", counting)
    drafts = [_draft(note, {e.anchor: 7 for e in note.contents if e.show_page}) for note in notes]
    diags = Diagnostics()
    settle(drafts, diags)
    assert not diags.items
    assert runs == [len(notes)], "all notes laid out together; one-digit corrections need no second layout"
    for draft in drafts:
        assert draft.pages != {k: 7 for k in draft.pages}
        assert _shown_in_layout(draft) == draft.pages, "the numbers written are the pages shown"


@pytest.mark.slow
@pytest.mark.office
def test_a_correction_of_another_width_is_laid_out_again(notes, monkeypatch):
    runs = []
    original = office.convert
    monkeypatch.setattr(office, "convert",
                        lambda documents, office: runs.append(len(documents)) or original(documents, office))
    note = next(n for n in notes if n.stem == "5d-low-carbon-cities")
    draft = _draft(note, {e.anchor: 10 for e in note.contents if e.show_page})
    settle([draft], Diagnostics())
    assert runs == [1, 1]
    assert draft.pages == {"chI": 2, "chII": 2, "chIII": 4}
    assert _shown_in_layout(draft) == draft.pages


def test_without_libreoffice_the_guess_is_kept_with_a_warning(notes, monkeypatch):
    monkeypatch.setattr(office, "find", lambda: None)
    note = notes[0]
    draft = _draft(note, {e.anchor: 2 for e in note.contents if e.show_page})
    before = draft.docx
    diags = Diagnostics()
    settle([draft], diags)
    assert draft.docx == before
    assert [d.severity for d in diags.items] == ["warning"]
    assert "taken from the PDF layout" in diags.items[0].message


