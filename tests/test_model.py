"""The document model decides every number and word: checked on the basic fixture meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import MEETINGS, copy_meeting
from toolkit.model.document import BulletList, FootnoteRef, Paragraph, SubHeading
from toolkit.model.plain import inline_text
from toolkit.model.scripts import split_scripts
from toolkit.model.wording import ENGLISH
from toolkit.model.words import letter, roman
from toolkit.model.build import load


@pytest.fixture(scope="module")
def note():
    return load(MEETINGS / "basic").notes[0]


def _paragraphs(chapters):
    return [b for c in chapters for b in c.blocks if isinstance(b, Paragraph)]


def test_paragraphs_numbered_through_chapters_and_considerations(note):
    assert [p.label for p in _paragraphs(note.chapters)] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert [c.label for c in note.chapters] == ["I.", "II.", "III."]
    assert inline_text(note.chapters[-1].title) == "ISSUES FOR CONSIDERATION"
    considerations = _paragraphs(note.chapters[-1:])
    assert [p.number for p in considerations] == [5, 6]
    assert [i.label for i in considerations[0].subitems] == ["(a)", "(b)"]
    assert inline_text(considerations[1].content) == "The Meeting may wish to approve the plan (Annex II)."


def test_ordered_list_becomes_lettered_subitems_and_bullets_stay(note):
    third = _paragraphs(note.chapters)[2]
    assert [(i.label, inline_text(i.content)) for i in third.subitems] == [
        ("(a)", "first sub-item;"), ("(b)", "second sub-item.")]
    bullets = [b for b in note.chapters[0].blocks if isinstance(b, BulletList)]
    assert [i.label for i in bullets[0].items] == [None]


def test_subheading_in_parentheses(note):
    subs = [b for b in note.chapters[0].blocks if isinstance(b, SubHeading)]
    assert [inline_text(s.content) for s in subs] == ["(A sub-heading)"]


def test_footnotes_numbered_by_first_call_through_annexes(note):
    assert [(f.number, inline_text(f.content)) for f in note.footnotes] == [
        (1, "The first footnote."), (2, "The second footnote."), (3, "A footnote of the annex.")]
    refs = [n for p in _paragraphs(note.chapters) for n in p.content if isinstance(n, FootnoteRef)]
    assert [(r.number, r.first) for r in refs] == [(1, True), (1, False), (2, True)]


def test_annexes_numbered_and_restart_paragraphs(note):
    assert [a.heading for a in note.annexes] == ["Annex I", "Annex II"]
    assert [p.number for p in _paragraphs(note.annexes[0].chapters)] == [1, 2]
    assert [p.number for p in _paragraphs(note.annexes[1].chapters)] == [None]  # numbered: false
    assert inline_text(note.annexes[1].title) == "The plan of work, from the annex itself"
    assert [(e.label, e.show_page) for e in note.contents] == [
        ("I.", True), ("II.", True), ("III.", True), ("Annex I.", False), ("Annex II.", False)]


def test_masthead_words(note):
    m = note.masthead
    assert (m.distribution, m.date, m.language) == ("Distr.: Limited", "6\u00a0October 2023", "English only")
    assert m.meeting_dates == "30\u00a0November-1\u00a0December 2023"
    assert m.agenda_heading == "REVIEW OF PROGRAMME PLANNING AND IMPLEMENTATION"
    assert m.item_line == "(Item 2 (b) of the provisional agenda)"
    assert inline_text(m.title) == "Cities of SOM-T"


def test_raw_html_stays_text(note):
    assert "<script>alert(1)</script> stays text" in inline_text(_paragraphs(note.chapters)[3].content)


def test_strings_stay_strings(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    yaml = (meeting / "meeting.yaml").read_text().replace("short_title: SOM-T", "short_title: 1.10")
    (meeting / "meeting.yaml").write_text(yaml.replace("title: Other matters", "title: NO"))
    loaded = load(meeting)
    assert loaded.meeting.short_title == "1.10"
    assert loaded.meeting.agenda[-1].title == "NO"
    assert inline_text(loaded.notes[0].masthead.title) == "Cities of 1.10"


@pytest.mark.parametrize("citation", ["2 (b)", "2(b)", "2b", " 2 ( b ) "])
def test_citation_forms(citation):
    meeting = load(MEETINGS / "basic").meeting
    item, parent = meeting.find_item(citation)
    assert (item.citation, parent.number) == ("2 (b)", "2")


def test_words():
    assert ENGLISH.date(dt.date(2023, 10, 6)) == "6\u00a0October 2023"  # a no-break space after the day
    assert ENGLISH.date_range(dt.date(2023, 11, 23), dt.date(2023, 11, 24)) == "23-24\u00a0November 2023"
    assert ENGLISH.date_range(dt.date(2023, 11, 30), dt.date(2023, 12, 1)) == "30\u00a0November-1\u00a0December 2023"
    assert ENGLISH.date_range(dt.date(2023, 12, 30), dt.date(2024, 1, 2)) == "30\u00a0December 2023-2\u00a0January 2024"
    assert ENGLISH.date_range(dt.date(2023, 11, 23), None) == "23\u00a0November 2023"
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert [letter(n) for n in (1, 26, 27)] == ["a", "z", "aa"]


def test_script_runs_carry_language():
    assert split_scripts("Seoul (서울), Beijing (北京), Tokyo (東京都, とうきょう)") == [
        ("Seoul (", None), ("서울", "ko"), ("), Beijing (", None), ("北京", "zh-CN"), ("), Tokyo (", None),
        ("東京都, とうきょう", "ja"), (")", None)]
    # Cyrillic: Russian, or Mongolian with a letter only Mongolian has
    assert split_scripts("Moscow (Москва)") == [("Moscow (", None), ("Москва", "ru"), (")", None)]
    assert split_scripts("Өвөрхангай") == [("Өвөрхангай", "mn")]


def _kinds_made() -> set[str]:
    """Every kind the package gives a document: `kind="..."` in a call, or the kind argument of
    model/agenda.py's _document(meeting, "agenda", ...)."""
    import ast

    from conftest import REPO

    made = set()
    for path in (REPO / "toolkit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in ("Note", "NotePart", "replace"):
                made.update(k.value.value for k in node.keywords
                            if k.arg == "kind" and isinstance(k.value, ast.Constant))
            if name == "_document" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                made.add(node.args[1].value)
    return made


def test_every_kind_the_model_makes_is_a_kind():
    """Kind is the one closed list of document kinds: the corrigendum and the made documents are in it."""
    from toolkit.model.document import KINDS, WRITTEN_KINDS

    made = _kinds_made()
    assert {"corrigendum", "annex", "agenda", "participants"} <= made
    assert made | set(WRITTEN_KINDS) == set(KINDS)
    loaded = load(MEETINGS / "basic")
    every = [*loaded.notes, *loaded.annexes, *loaded.agenda_documents]
    assert {d.kind for d in every} <= set(KINDS)


def _calls_and_definitions():
    import ast

    from conftest import REPO

    for path in sorted((REPO / "toolkit").rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            yield rel, node


def test_one_masthead_builder_and_one_runs():
    """The masthead's words are decided in model/masthead.py only, and text is split into runs by its
    script in model/scripts.py only (there were two masthead builders and four _runs)."""
    import ast

    built, runs = set(), set()
    for rel, node in _calls_and_definitions():
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Masthead":
            built.add(rel)
        if not isinstance(node, ast.FunctionDef):
            continue
        body = [n for n in node.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
        if len(body) == 1 and isinstance(body[0], ast.Return) \
                and "split_scripts(" in ast.unparse(body[0]) and "Text(" in ast.unparse(body[0]):
            runs.add(f"{rel}:{node.name}")  # a helper that only turns text into Text runs
    assert built == {"toolkit/model/masthead.py"}
    assert runs == {"toolkit/model/scripts.py:runs"}
