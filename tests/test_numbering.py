"""The one numbering pass (toolkit/model/numbering.py): what it decides, read from the model."""

from __future__ import annotations

from pathlib import Path

import pytest

import toolkit.sources.markdown as markdown
from conftest import MEETINGS, SAMPLE
from toolkit.errors import Diagnostics
from toolkit.model.document import Chapter, FootnoteRef, ListItem, Paragraph, Ref, Table, Text
from toolkit.model.numbering import number_document
from toolkit.model.parts import AnnexSource, FootnoteText
from toolkit.model.plain import inline_text
from toolkit.model.build import load


def _para(text: str, **kw) -> Paragraph:
    return Paragraph(None, (Text(text),), **kw)


def _chapter(*blocks, headed=True, ident=None) -> Chapter:
    return Chapter(None, (Text("T"),) if headed else (), tuple(blocks), "", headed=headed, ident=ident)


def test_the_reader_gives_no_numbers():
    loaded_chapters = []
    original = markdown.parse_body

    def spy(*args, **kwargs):
        chapters = original(*args, **kwargs)
        loaded_chapters.extend(chapters)
        return chapters

    markdown.parse_body = spy
    try:
        import toolkit.sources.note as note_module

        note_module.parse_body = spy
        load(MEETINGS / "refs")
    finally:
        markdown.parse_body = original
        note_module.parse_body = original
    blocks = [b for c in loaded_chapters for b in c.blocks]
    assert loaded_chapters and all(c.numeral is None for c in loaded_chapters)
    assert all(b.number is None for b in blocks if isinstance(b, (Paragraph, Table)))
    refs = [n for b in blocks if isinstance(b, Paragraph) for n in b.content if isinstance(n, Ref)]
    assert refs and all(r.number == "" and r.anchor is None for r in refs)


def test_each_source_file_is_read_once_even_with_annexes_issued_alone(monkeypatch):
    calls: list[str] = []
    original = markdown.parse_body

    def counting(text, rel, *args, **kwargs):
        if args[1].root == SAMPLE:  # the issued versions of the revised and corrected notes are read from their records
            calls.append(rel)
        return original(text, rel, *args, **kwargs)

    import toolkit.sources.note as note_module

    monkeypatch.setattr(note_module, "parse_body", counting)
    loaded = load(SAMPLE)
    assert len(loaded.annexes) == 5  # each annex also issued on its own
    assert sorted(calls) == sorted(set(calls)), f"a file was parsed twice: {calls}"


def test_paragraphs_run_on_through_considerations_and_restart_in_each_annex():
    body = (_chapter(_para("a"), _para("b")), _chapter(_para("c", ident="c")))
    annex = AnnexSource("plan", "annexes/plan.md", (Text("Plan"),), (_chapter(_para("x"), _para("y"), headed=False),))
    done = number_document(body, (annex,), {}, Diagnostics())
    assert [b.number for c in done.chapters for b in c.blocks] == [1, 2, 3]
    assert [c.numeral for c in done.chapters] == ["I", "II"]
    assert [b.number for c in done.annexes[0].chapters for b in c.blocks] == [1, 2]
    first = done.annexes[0].chapters[0].blocks[0]
    assert first.restart and not done.chapters[0].blocks[0].restart  # Word starts again in the annex
    assert done.chapters[1].blocks[0].anchor == "_Ref001"


def test_sub_items_and_footnotes_are_numbered_in_order_of_first_call():
    items = (ListItem(None, (Text("one"),), (ListItem(None, (Text("deep"),), ordered=True),), ordered=True),
             ListItem(None, (Text("two"),), ordered=True), ListItem(None, (Text("bullet"),)))
    texts = {"n#b": FootnoteText("n#b", (Text("B"),)), "n#a": FootnoteText("n#a", (Text("A"),))}
    body = (_chapter(Paragraph(None, (FootnoteRef("n#b"), FootnoteRef("n#a"), FootnoteRef("n#b")), items)),)
    done = number_document(body, (), texts, Diagnostics())
    paragraph = done.chapters[0].blocks[0]
    assert [i.label for i in paragraph.subitems] == ["(a)", "(b)", None]
    assert paragraph.subitems[0].children[0].label == "(i)"
    assert [(r.number, r.first) for r in paragraph.content] == [(1, True), (2, True), (1, False)]
    assert [inline_text(f.content) for f in done.footnotes] == ["B", "A"]


def test_refs_resolve_to_un_words_and_unknown_labels_are_errors():
    body = (_chapter(_para("x", ident="mandate"), _para("see", ), ident="background"),)
    annex = AnnexSource("plan", "annexes/plan.md", (Text("Plan"),), (_chapter(_para("duty", ident="duty")),))
    cite = _chapter(Paragraph(None, (Ref("mandate"), Ref("background", capital=True), Ref("duty"), Ref("plan"),
                                     Ref("plan", capital=True), Ref("missing"))))
    diags = Diagnostics()
    done = number_document(body + (cite,), (annex,), {}, diags)
    refs = done.chapters[1].blocks[0].content
    assert [r.text for r in refs[:5]] == ["paragraph 1", "Chapter I", "paragraph 1 of annex I", "annex I",
                                          "Annex I"]
    assert refs[0].anchor == "_Ref001" and refs[3].anchor == "annexInum"
    assert [str(d) for d in diags.errors] == ["?:1: error: unknown label 'missing' in ref(...) (the labels of this "
                                              "note: background, duty, mandate, plan)"]


def test_an_annex_issued_alone_numbers_its_footnotes_from_one_and_links_only_inside_itself():
    texts = {"n#1": FootnoteText("n#1", (Text("body note"),)), "a#1": FootnoteText("a#1", (Text("annex note"),))}
    body = (_chapter(Paragraph(None, (FootnoteRef("n#1"),), ident="mandate")),)
    annex = AnnexSource("plan", "annexes/plan.md", (Text("Plan"),),
                        (_chapter(Paragraph(None, (FootnoteRef("a#1"), Ref("mandate")))),))
    note = number_document(body, (annex,), texts, Diagnostics())
    alone = number_document(body, (annex,), texts, Diagnostics(), only_annex=0)
    assert [f.number for f in note.footnotes] == [1, 2]
    assert [(f.number, inline_text(f.content)) for f in alone.footnotes] == [(1, "annex note")]
    in_note = note.annexes[0].chapters[0].blocks[0].content[1]
    in_alone = alone.chapters[0].blocks[0].content[1]
    assert in_note.text == in_alone.text == "paragraph 1"
    assert in_note.anchor == "_Ref001" and in_alone.anchor is None


def test_the_agenda_says_where_word_numbering_restarts(tmp_path: Path):
    from toolkit.model.agenda import agenda_list

    loaded = load(SAMPLE)
    numbers = [(p.number, p.restart) for p in agenda_list(loaded.meeting)]
    assert numbers[:3] == [(1, False), (2, False), (3, False)]
    meeting = loaded.meeting
    from dataclasses import replace

    skipping = replace(meeting, agenda=(meeting.agenda[0], *meeting.agenda[4:6]))
    assert [(p.number, p.restart) for p in agenda_list(skipping)] == [(1, False), (5, True), (6, False)]


@pytest.mark.parametrize("name", ["tables", "figures", "refs"])
def test_fixture_meetings_load_without_problems(name):
    loaded = load(MEETINGS / name)
    assert not loaded.diagnostics.errors


def test_an_annex_issued_alone_restarts_words_count_of_tables_and_figures_at_the_notes_numbers():
    loaded = load(MEETINGS / "figures")
    alone = next(d for d in loaded.annexes if d.stem == "progress-annex-I")
    figures = [b for c in alone.chapters for b in c.blocks if type(b).__name__ == "Figure"]
    assert [(f.number, f.ordinal, f.restart) for f in figures] == [("III", 3, True)]
    in_note = [b for c in loaded.notes[0].annexes[0].chapters for b in c.blocks if type(b).__name__ == "Figure"]
    assert [(f.number, f.restart) for f in in_note] == [("III", False)]  # in the note the count follows on
