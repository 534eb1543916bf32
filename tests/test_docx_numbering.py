"""Numbers in the DOCX: Word list numbering for paragraphs and items, Word footnotes; none typed."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from test_docx_helpers import (NS, REFERENCE, W, document, documents, docx_without_office, footnote_calls, notes,
                               numbered_labels, paragraph_text, part, printed_paragraphs)
from toolkit.model.document import Note
from toolkit.model.plain import inline_text
from toolkit.model.words import letter, roman

ALL = sorted(documents())


def _val(node, default=None):
    return default if node is None else node.get(f"{{{W}}}val", default)


def _format(fmt: str, n: int) -> str:
    return {"decimal": str(n), "lowerLetter": letter(n), "lowerRoman": roman(n).lower(),
            "upperRoman": roman(n)}[fmt]


def word_numbering(data: bytes, body: etree._Element | None = None) -> list[tuple[str | None, str, bool, object]]:
    """What Word shows for each numbered paragraph: (label or None for a bullet, text, numPr typed on it, w:p).

    Worked out here independently of the writer, from numbering.xml, styles.xml and each
    paragraph's own or its style's w:numPr, with Word's rules: a level restarts after a
    higher level of its list; a w:num's startOverride sets where its level starts.
    """
    styles = {s.get(f"{{{W}}}styleId"): s for s in part(data, "word/styles.xml").iterfind("w:style", NS)}
    numbering = part(data, "word/numbering.xml")
    abstracts = {a.get(f"{{{W}}}abstractNumId"): a for a in numbering.iterfind("w:abstractNum", NS)}
    nums = {n.get(f"{{{W}}}numId"): n for n in numbering.iterfind("w:num", NS)}

    def style_num_pr(style_id):
        while style_id:
            style = styles[style_id]
            num_pr = style.find("w:pPr/w:numPr", NS)
            if num_pr is not None:
                return num_pr
            style_id = _val(style.find("w:basedOn", NS))
        return None

    counters: dict[str, dict[int, int]] = {}
    shown = []
    body = part(data, "word/document.xml") if body is None else body
    for p in body.iter(f"{{{W}}}p"):
        own = p.find("w:pPr/w:numPr", NS)
        num_pr = own if own is not None else style_num_pr(_val(p.find("w:pPr/w:pStyle", NS)))
        if num_pr is None:
            continue
        num_id, ilvl = _val(num_pr.find("w:numId", NS)), int(_val(num_pr.find("w:ilvl", NS), "0"))
        num = nums[num_id]
        levels = abstracts[_val(num.find("w:abstractNumId", NS))].findall("w:lvl", NS)
        starts = {int(o.get(f"{{{W}}}ilvl")): int(_val(o.find("w:startOverride", NS)))
                  for o in num.iterfind("w:lvlOverride", NS)}
        count = counters.setdefault(num_id, {})
        first = starts.get(ilvl, int(_val(levels[ilvl].find("w:start", NS))))
        count[ilvl] = count[ilvl] + 1 if ilvl in count else first
        for deeper in [k for k in count if k > ilvl]:
            del count[deeper]
        level = levels[ilvl]
        if _val(level.find("w:numFmt", NS)) == "bullet":
            label = None
        else:
            label = _val(level.find("w:lvlText", NS))
            for k in range(ilvl + 1):
                if f"%{k + 1}" in label:
                    label = label.replace(f"%{k + 1}", _format(_val(levels[k].find("w:numFmt", NS)), count[k]))
        shown.append((label, paragraph_text(p), own is not None, p))
    return shown


@pytest.mark.parametrize("key", ALL)
def test_word_numbers_the_paragraphs_as_the_model_does(key):
    shown = word_numbering(docx_without_office(key))
    assert [label for label, *_ in shown] == numbered_labels(document(key))


@pytest.mark.parametrize("key", ALL)
def test_no_number_is_typed(key):
    for label, text, *_ in word_numbering(docx_without_office(key)):
        assert label is None or not text.startswith(label), text
    body = part(docx_without_office(key), "word/document.xml")
    text_styles = {"NumberedParagraph", "UnnumberedParagraph", "Sub-item", "Sub-sub-item", "ListBullet", "ListBullet2",
                   "Heading1", "AnnexChapterHeading"}
    for p in body.iter(f"{{{W}}}p"):
        if _val(p.find("w:pPr/w:pStyle", NS)) in text_styles:
            assert not re.match(r"\s*(\d+\.|[IVXLC]+\.|\([a-z]{1,2}\)|\([ivx]+\)|\u2022)\s",
                                paragraph_text(p)), paragraph_text(p)


def test_note_paragraphs_take_their_numbers_from_the_style_and_annexes_restart():
    data = docx_without_office("5d-low-carbon-cities")
    shown = word_numbering(data)
    note = notes()["5d-low-carbon-cities"]
    body_count = sum(1 for label in numbered_labels(_without_annexes(note)) if label and label[0].isdigit())
    main = [(label, typed) for label, _, typed, _ in shown[:len(numbered_labels(_without_annexes(note)))]]
    assert [label for label, _ in main if label and label[0].isdigit()] == [f"{n}." for n in range(1, body_count + 1)]
    assert not any(typed for _, typed in main), "the note's own paragraphs are numbered by their style alone"
    numbering = part(data, "word/numbering.xml")
    restarts = numbering.findall("w:num/w:lvlOverride[@w:ilvl='0']/w:startOverride[@w:val='1']", NS)
    # one restart of paragraph numbers, and one of chapter numerals, per annex that has them
    assert len(restarts) == sum(1 for a in note.annexes if any(b.number for c in a.chapters for b in c.blocks
                                                                   if hasattr(b, "number"))) + sum(
        1 for a in note.annexes if any(c.numeral for c in a.chapters))
    reference = part(REFERENCE.read_bytes(), "word/numbering.xml")
    assert ([etree.tostring(a) for a in numbering.iterfind("w:abstractNum", NS)]
            == [etree.tostring(a) for a in reference.iterfind("w:abstractNum", NS)])


def _without_annexes(note: Note) -> Note:
    import dataclasses

    return dataclasses.replace(note, annexes=())


@pytest.mark.parametrize("key", ["som-26/5d-low-carbon-cities", "tm-1/2a-lists"])
def test_unnumbered_annex_paragraphs_have_no_number(key):
    note = document(key)
    unnumbered = [inline_text(b.content) for a in note.annexes for c in a.chapters for b in c.blocks
                  if getattr(b, "number", 0) is None]
    assert unnumbered
    numbered_texts = {text for _, text, *_ in word_numbering(docx_without_office(key))}
    assert not numbered_texts & set(unnumbered)
    all_texts = [paragraph_text(p) for p in part(docx_without_office(key), "word/document.xml").iter(f"{{{W}}}p")]
    assert set(unnumbered) <= set(all_texts)


# ---- footnotes ------------------------------------------------------------------

@pytest.mark.parametrize("key", ALL)
def test_footnotes_are_word_footnotes_with_the_model_text(key):
    data = docx_without_office(key)
    note = document(key)
    footnotes = part(data, "word/footnotes.xml")
    kinds = {f.get(f"{{{W}}}id"): f.get(f"{{{W}}}type") for f in footnotes.iterfind("w:footnote", NS)}
    assert kinds.pop("-1") == "separator" and kinds.pop("0") == "continuationSeparator"
    assert kinds == {str(f.number): None for f in note.footnotes}
    for footnote in note.footnotes:
        node = footnotes.find(f"w:footnote[@w:id='{footnote.number}']", NS)
        p = node.find("w:p", NS)
        assert _val(p.find("w:pPr/w:pStyle", NS)) == "FootnoteText"
        assert p.find("w:r/w:footnoteRef", NS) is not None
        assert paragraph_text(p).strip() == inline_text(footnote.content)
    settings = part(data, "word/settings.xml")
    assert [f.get(f"{{{W}}}id") for f in settings.iterfind("w:footnotePr/w:footnote", NS)] == ["-1", "0"]
    assert settings.find("w:updateFields", NS) is None


@pytest.mark.parametrize("key", ["som-26/5a-air-pollution", "tm-1/2a-lists"])
def test_footnote_calls_number_as_the_model_does(key):
    """Word numbers real footnotes by the order of their references; a repeated call is its number, typed."""
    body = part(docx_without_office(key), "word/document.xml")
    calls = []
    for r in body.iter(f"{{{W}}}r"):
        if _val(r.find("w:rPr/w:rStyle", NS)) != "FootnoteReference":
            continue
        ref = r.find("w:footnoteReference", NS)
        if ref is not None:
            word_number = 1 + sum(1 for _, first in calls if first)
            assert ref.get(f"{{{W}}}id") == str(word_number)
            calls.append((word_number, True))
        else:
            calls.append((int(r.findtext("w:t", namespaces=NS)), False))
    assert calls == [(c.number, c.first) for c in footnote_calls(document(key))]


def test_footnote_part_is_related_and_typed():
    data = docx_without_office("5d-low-carbon-cities")
    rels = part(data, "word/_rels/document.xml.rels")
    types = part(data, "[Content_Types].xml")
    targets = {r.get("Target") for r in rels if r.get("Type").endswith("/footnotes")}
    assert targets == {"footnotes.xml"}
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/word/footnotes.xml"].endswith("wordprocessingml.footnotes+xml")


def _shown_text(p: etree._Element) -> str:
    """A paragraph's text without footnote calls (their numbers are checked above)."""
    words = []
    for r in p.iter(f"{{{W}}}r"):
        if _val(r.find("w:rPr/w:rStyle", NS)) == "FootnoteReference":
            continue
        for node in r:
            if etree.QName(node).localname == "t":
                words.append(node.text or "")
            elif etree.QName(node).localname in ("tab", "br"):
                words.append(" ")
    return "".join(words)


@pytest.mark.parametrize("key", ALL)
def test_the_text_paragraph_by_paragraph_is_the_model_text(key):
    """With Word's numbers put back (cheap parity; LibreOffice's is in test_docx_libreoffice)."""
    data = docx_without_office(key)
    body = part(data, "word/document.xml")
    shown = word_numbering(data, body)  # keeps the w:p proxies alive, so their ids stay theirs
    labels = {id(p): label for label, _, _, p in shown}
    texts = []
    for p in body.iter(f"{{{W}}}p"):  # in document order, table cells too
        text = _shown_text(p)
        if _val(p.find("w:pPr/w:pStyle", NS)) == "TOC1":
            text = re.sub(r"\s*\d+$", "", text)  # the page number: checked with LibreOffice
        label = labels.get(id(p))
        texts.append(" ".join((label or "\u2022", text)) if id(p) in labels else text)
    expected = [f"{label} {text}" if label else text for label, text in printed_paragraphs(document(key))]
    assert [" ".join(t.split()) for t in texts] == [" ".join(t.split()) for t in expected]


def test_links_are_hyperlinks_related_from_their_own_part():
    data = docx_without_office("tm-1/2a-lists")
    for name, rels, url in (("word/document.xml", "word/_rels/document.xml.rels", "https://example.org/page"),
                            ("word/footnotes.xml", "word/_rels/footnotes.xml.rels", "https://example.org/notes")):
        targets = {r.get("Id"): (r.get("Target"), r.get("TargetMode")) for r in part(data, rels)}
        links = [h.get(f"{{{NS['r']}}}id") for h in part(data, name).iter(f"{{{W}}}hyperlink")
                 if h.get(f"{{{NS['r']}}}id")]
        assert [targets[r_id] for r_id in links] == [(url, "External")]
