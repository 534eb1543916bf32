"""Justified DOCX paragraphs quoting Chinese or Japanese are set flush left (write/ideographs.py).

Word and LibreOffice justify Han characters and kana by spacing every one of them apart; the
rule sets such a paragraph flush left, whatever its style's alignment came from, and leaves
every other paragraph to its style. The sample's LibreOffice layout is read in test_layout_rules.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from docx.oxml.ns import qn

from toolkit.render.docx.write.ideographs import flush_left_ideographs, style_alignments
from toolkit.render.docx.oxml.revisions import RevisionMarks, TrackedChanges

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STYLES = f"""<w:styles xmlns:w="{W}">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="LeadIn"><w:basedOn w:val="Body"/><w:pPr><w:keepNext/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:basedOn w:val="Normal"/>
    <w:pPr><w:jc w:val="center"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="LoopA"><w:basedOn w:val="LoopB"/></w:style>
  <w:style w:type="paragraph" w:styleId="LoopB"><w:basedOn w:val="LoopA"/></w:style>
  <w:style w:type="character" w:styleId="Strong"><w:basedOn w:val="Title"/></w:style>
</w:styles>"""


def _body(*paragraphs: str) -> etree._Element:
    return etree.fromstring(f'<w:body xmlns:w="{W}">{"".join(paragraphs)}</w:body>')


def _p(text: str, props: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _alignment(paragraph: etree._Element) -> str | None:
    jc = paragraph.find(f"{qn('w:pPr')}/{qn('w:jc')}")
    return jc.get(qn("w:val")) if jc is not None else None


def test_style_alignment_follows_based_on_and_survives_a_loop():
    alignments, default = style_alignments(etree.fromstring(STYLES))
    assert default == "Normal"
    assert alignments == {"Normal": "both", "Body": "both", "LeadIn": "both", "Title": "center",
                          "LoopA": None, "LoopB": None}  # character styles are not paragraph styles


def test_justified_paragraphs_quoting_han_or_kana_are_set_flush_left():
    body = _body(
        _p("Kitakyushu (北九州市), Japan", '<w:pStyle w:val="LeadIn"/>'),  # justified through two basedOn
        _p("Tokyo (とうきょう)"),  # the default style, no pPr at all
        _p("Shanghai (上海)", '<w:jc w:val="distribute"/>'),
        _p("Seoul (서울), Republic of Korea", '<w:pStyle w:val="Body"/>'),  # Korean justifies by its spaces
        _p("Incheon, Republic of Korea", '<w:pStyle w:val="Body"/>'),
        _p("中华人民共和国", '<w:pStyle w:val="Title"/>'),  # centred: not justified
        _p("Beijing (北京)", '<w:jc w:val="right"/>'))
    assert flush_left_ideographs(etree.fromstring(STYLES), [body]) == 3
    assert [_alignment(p) for p in body] == ["left", "left", "left", None, None, None, "right"]


def test_the_alignment_goes_where_the_schema_puts_it():
    body = _body(_p("京都", '<w:pStyle w:val="Body"/><w:spacing w:after="240"/><w:outlineLvl w:val="1"/>'
                           '<w:rPr><w:b/></w:rPr>'))
    flush_left_ideographs(etree.fromstring(STYLES), [body])
    names = [etree.QName(child).localname for child in body[0].find(qn("w:pPr"))]
    assert names == ["pStyle", "spacing", "jc", "outlineLvl", "rPr"]


def test_only_the_paragraph_that_holds_the_characters_and_every_part():
    """A text box's paragraph holds its own text: the paragraph around it is not changed. Footnotes too."""
    box = (f'<w:p><w:r><w:t>Around the box</w:t></w:r><w:r><w:pict><w:txbxContent>{_p("上海")}'
           f'</w:txbxContent></w:pict></w:r></w:p>')
    body, footnotes = _body(box), _body(_p("A footnote naming Kyoto (京都)"))
    assert flush_left_ideographs(etree.fromstring(STYLES), [body, footnotes]) == 2
    outer = body[0]
    inner = outer.find(f".//{qn('w:txbxContent')}/{qn('w:p')}")
    assert _alignment(outer) is None and _alignment(inner) == "left"
    assert _alignment(footnotes[0]) == "left"


def _tracked(*runs: str, mark: str = "") -> str:
    return (f'<w:p><w:pPr><w:pStyle w:val="Body"/>{mark}</w:pPr>{"".join(runs)}</w:p>')


INSERTED = '<w:ins w:id="1" w:author="A" w:date="2023-10-11T00:00:00Z"><w:r><w:t> (北九州市)</w:t></w:r></w:ins>'
DELETED = ('<w:del w:id="2" w:author="A" w:date="2023-10-11T00:00:00Z"><w:r><w:delText> (北九州市)</w:delText>'
           '</w:r></w:del>')
KEPT = "<w:r><w:t>Kitakyushu</w:t></w:r>"


def test_in_a_tracked_changes_docx_the_alignment_change_is_tracked_too():
    """Rejecting every change gives the issued layout back: a paragraph that quotes Chinese only
    after the changes is flush left with its former alignment recorded (w:pPrChange), one that
    quoted it only before stays justified with the former flush-left recorded."""
    marks = RevisionMarks(TrackedChanges("NEASPEC Secretariat", dt.date(2023, 10, 11)))
    body = _body(_tracked(KEPT, INSERTED), _tracked(KEPT, DELETED),
                 _tracked("<w:r><w:t>Kyoto (京都)</w:t></w:r>", INSERTED),  # quoted before and after
                 _tracked(INSERTED, mark='<w:rPr><w:ins w:id="3" w:author="A" w:date="2023-10-11T00:00:00Z"/></w:rPr>'))
    assert flush_left_ideographs(etree.fromstring(STYLES), [body], revisions=marks) == 3
    assert [_alignment(p) for p in body] == ["left", None, "left", "left"]
    changes = [p.find(f"{qn('w:pPr')}/{qn('w:pPrChange')}") for p in body]
    assert changes[2] is None and changes[3] is None  # unchanged quoting; a paragraph inserted whole
    old_inserted, old_deleted = changes[0].find(qn("w:pPr")), changes[1].find(qn("w:pPr"))
    assert old_inserted.find(qn("w:jc")) is None and old_inserted.find(qn("w:pStyle")) is not None
    assert old_deleted.find(qn("w:jc")).get(qn("w:val")) == "left"
    assert changes[0].get(qn("w:author")) == "NEASPEC Secretariat" and changes[0].get(qn("w:id")) == "1"
    assert changes[1].get(qn("w:id")) == "2"  # the marks' own count, unique in the document
    assert [etree.QName(c).localname for c in body[0].find(qn("w:pPr"))] == ["pStyle", "jc", "pPrChange"]


def test_only_the_writers_own_paragraphs_when_told_which_styles_are_its():
    """An attached Word annex keeps its author's layout: its paragraphs are in styles of its own."""
    body = _body(_p("Kitakyushu (北九州市)", '<w:pStyle w:val="Body"/>'),
                 _p("北九州市的声明", '<w:pStyle w:val="LeadIn"/>'), _p("北京 (Beijing)"))
    assert flush_left_ideographs(etree.fromstring(STYLES), [body], house={"Body"}) == 1
    assert [_alignment(p) for p in body] == ["left", None, None]


def test_the_document_defaults_and_a_missing_style_count_as_word_reads_them():
    """Justified by w:pPrDefault alone, through a style without alignment; a paragraph naming a
    style the document lacks takes the default style's, as Word shows it."""
    styles = etree.fromstring(f"""<w:styles xmlns:w="{W}">
      <w:docDefaults><w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
      <w:style w:type="paragraph" w:styleId="Centred"><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
    </w:styles>""")
    alignments, default = style_alignments(styles)
    assert (alignments, default) == ({"Normal": "both", "Centred": "center"}, "Normal")
    body = _body(_p("上海", '<w:pStyle w:val="Normal"/>'), _p("上海", '<w:pStyle w:val="Gone"/>'),
                 _p("上海", '<w:pStyle w:val="Centred"/>'))
    assert flush_left_ideographs(styles, [body]) == 2
    assert [_alignment(p) for p in body] == ["left", "left", None]  # centred by its style: left alone
