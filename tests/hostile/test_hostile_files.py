"""Hostile cases made in code: bytes, links, FIFOs, sizes, faults (see also cases.txt)."""

from __future__ import annotations

import codecs
import os
import re
import zipfile
import unicodedata
from pathlib import Path

import pypdf
import pytest

from harness import Workspace, check_common, check_failed, prebuilt  # noqa: F401 (fixture)

pytestmark = [pytest.mark.slow]

NOTE = "notes/cities.md"


def _note(space: Workspace) -> Path:
    return space.meeting / NOTE


def utf8_bom(space):
    _note(space).write_bytes(codecs.BOM_UTF8 + _note(space).read_bytes())
    return 0, ["Cities of SOM-T"]


def utf16_with_bom(space):
    _note(space).write_bytes(_note(space).read_text().encode("utf-16"))
    return 0, ["Cities of SOM-T"]


def symlink_out_of_the_meeting(space):
    first = space.meeting / "annexes" / "first.md"
    first.unlink()
    first.symlink_to("/etc/hostname")
    return 1, [f"{NOTE}:8:11: error: annex file 'annexes/first.md' leads outside the meeting folder"]


def fifo_as_an_annex(space):
    first = space.meeting / "annexes" / "first.md"
    first.unlink()
    os.mkfifo(first)  # reading it would wait forever
    return 1, [f"{NOTE}:8:11: error: annex file 'annexes/first.md' does not exist (or is not a regular file)"]


def device_through_a_link(space):
    first = space.meeting / "annexes" / "first.md"
    first.unlink()
    first.symlink_to("/dev/zero")
    return 1, [f"{NOTE}:8:11: error: annex file 'annexes/first.md' leads outside the meeting folder"]


def names_differing_in_unicode_normalization(space):
    decomposed = unicodedata.normalize("NFD", "café.md")
    (space.meeting / "annexes" / "first.md").rename(space.meeting / "annexes" / decomposed)
    text = _note(space).read_text().replace("annexes/first.md", unicodedata.normalize("NFC", "annexes/café.md"))
    _note(space).write_text(text)
    return 1, [f"{NOTE}:8:11: error: annex file 'annexes/café.md' does not exist (or is not a regular file); "
               f"{decomposed!r} looks the same"]


def deep_yaml_nesting(space):
    (space.meeting / "meeting.yaml").write_text("title: " + "[" * 5000 + "]" * 5000 + "\n")
    return 1, ["meeting.yaml:1:"]


def fifty_megabyte_note(space):
    with open(_note(space), "ab") as handle:
        handle.write(b"A very long note. " * (50 * 1024 * 1024 // 18))
    return 1, [f"{NOTE}:1: error: file is larger than the limit of 5 MB"]


def ten_thousand_footnotes(space):
    calls = " ".join(f"Claim[^n{i}]." for i in range(10_000))
    notes = "\n".join(f"[^n{i}]: Source {i}." for i in range(10_000))
    text = _note(space).read_text()
    _note(space).write_text(text + f"\n{calls}\n\n{notes}\n")
    calls_line = text.count("\n") + 2
    col = calls.index("[^n998]") + 1  # the document's 1001st footnote: the note has two of its own
    return 1, [f"{NOTE}:{calls_line}:{col}: error: more than 1000 footnotes in one document"]


def two_thousand_character_word(space):
    (space.meeting / "annexes" / "first.md").write_text("Before " + "A" * 2000 + " after.\n")
    return 0, ["AAAAAAAAAA", "after."]


def huge_css_size(space):
    css = space.templates / "note.css"
    css.write_text(css.read_text() + "\n.para { font-size: 100000pt; }\n")
    return 1, [""]


def _rewrite_reference(space, change=lambda name, data: data, add: dict[str, bytes] | None = None) -> None:
    """Rewrites templates/reference.docx through change(name, data) -> data, adding the members in `add`."""
    path = space.templates / "reference.docx"
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            target.writestr(info, change(info.filename, data))
        for name, data in (add or {}).items():
            target.writestr(name, data)


def reference_docm(space):
    _rewrite_reference(space, lambda name, data: data.replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
        if name == "[Content_Types].xml" else data)
    return 1, ["templates/reference.docx:1: error: reference document is a macro-enabled document (.docm)"]


def reference_zip_bomb(space):
    _rewrite_reference(space, add={"word/media/padding.bin": b"\0" * (8 * 2**20)})
    return 1, ["templates/reference.docx:1: error: reference document member word/media/padding.bin is compressed"]


def reference_with_a_dtd(space):
    _rewrite_reference(space, lambda name, data: data.replace(
        b"?>", b'?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
        if name == "word/document.xml" else data)
    return 1, ["templates/reference.docx:1: error: reference document word/document.xml declares a DTD"]


def reference_with_an_external_template(space):
    """As Word saves it: settings.xml names the author's Normal.dotm through an external relationship."""
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas'
            b'.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT9" Type="http://schemas.openxml'
            b'formats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///C:/Users/someone/'
            b'Normal.dotm" TargetMode="External"/></Relationships>')
    _rewrite_reference(space, lambda name, data: re.sub(rb"(<w:settings[^>]*>)", rb'\1<w:attachedTemplate '
                                                        rb'r:id="rIdT9"/>', data, count=1)
                       if name == "word/settings.xml" else data, add={"word/_rels/settings.xml.rels": rels})
    return 0, []


def _attach_pdf(space, build) -> None:
    """annexes/first.pdf, made by `build(pdf, page)` with pikepdf, replaces the first annex."""
    import pikepdf

    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    build(pdf, page)
    pdf.save(space.meeting / "annexes" / "first.pdf")
    _note(space).write_text(_note(space).read_text().replace("annexes/first.md", "annexes/first.pdf"))


def attached_pdf_with_forms_drawing_each_other(space):
    """Two form XObjects that draw each other: checking its fonts must not loop."""
    import pikepdf

    def build(pdf, page):
        a = pdf.make_stream(b"/B Do", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 10, 10])
        b = pdf.make_stream(b"/A Do", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 10, 10])
        a.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(B=b))
        b.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(A=a))
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(A=a))
        page.Contents = pdf.make_stream(b"q /A Do Q")

    _attach_pdf(space, build)
    return 0, []


def attached_pdf_with_a_broken_font(space):
    """A composite font without its descendant: not embedded as far as the archive is concerned."""
    import pikepdf

    def build(pdf, page):
        font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0,
                                                    BaseFont=pikepdf.Name.Broken))
        page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.Contents = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td <0001> Tj ET")

    _attach_pdf(space, build)
    return 0, ["annexes/first.pdf:1: warning: this PDF uses fonts it does not embed"]


PDF_ANNEX_CASES = [attached_pdf_with_forms_drawing_each_other, attached_pdf_with_a_broken_font]

DOCX_CASES = [reference_docm, reference_zip_bomb, reference_with_a_dtd, reference_with_an_external_template]

CASES = [utf8_bom, utf16_with_bom, symlink_out_of_the_meeting, fifo_as_an_annex, device_through_a_link,
         names_differing_in_unicode_normalization, deep_yaml_nesting, fifty_megabyte_note, ten_thousand_footnotes,
         two_thousand_character_word, huge_css_size, *PDF_ANNEX_CASES, *DOCX_CASES]


@pytest.mark.parametrize("make", CASES, ids=[c.__name__ for c in CASES])
def test_case(tmp_path: Path, prebuilt: Path, make):
    space = Workspace.make(tmp_path, prebuilt)
    code, expect = make(space)
    docx = make in DOCX_CASES
    outcome = space.run("--format", "docx" if docx else "pdf", "--only", "cities", timeout=240)
    where = make.__name__
    if code == 1:
        check_failed(outcome, where, expect)
        return
    check_common(outcome, where)
    assert outcome.exit_code == 0, f"{where}: exit {outcome.exit_code}\n{outcome.stderr}"
    warnings = [w for w in expect if ": warning: " in w]  # the others: words the PDF shows
    for wanted in warnings:
        assert wanted in outcome.stderr, f"{where}: missing {wanted!r} in\n{outcome.stderr}"
    if docx:  # the external template never reaches an output
        with zipfile.ZipFile(space.out / "cities.docx") as built:
            for name in built.namelist():
                assert b"attachedTemplate" not in built.read(name), name
        return
    pages = [p for name in ("cities.pdf", "cities-annex-I.pdf") for p in pypdf.PdfReader(space.out / name).pages]
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    for wanted in expect:
        if wanted not in warnings:
            assert wanted in text, f"{where}: the PDF does not show {wanted!r}"


@pytest.mark.parametrize("text,where", [
    ("Broken\x0bline.", "annexes/first.md:1:7: error: character U+000B"),
    ("Private \U0010FFFD mark.", "annexes/first.md:1:9: error: no installed font")])
def test_the_pdf_and_the_docx_refuse_the_same_text(tmp_path: Path, prebuilt: Path, text: str, where: str):
    space = Workspace.make(tmp_path, prebuilt)
    (space.meeting / "annexes" / "first.md").write_text(text + "\n")
    outcome = space.run("--format", "all", "--only", "cities")
    check_failed(outcome, "both formats", [where])
    assert not (space.out / "cities.docx").exists() and not (space.out / "cities-annex-I.docx").exists()
    assert (space.out / "cities.pdf").read_bytes() == outcome.before["cities.pdf"]


def test_the_pdf_and_the_docx_accept_the_same_text(tmp_path: Path, prebuilt: Path):
    space = Workspace.make(tmp_path, prebuilt)
    (space.meeting / "annexes" / "first.md").write_text("Zero\u200bwidth, <script>x</script> and 서울.\n")
    outcome = space.run("--format", "all", "--only", "cities")
    check_common(outcome, "both formats")
    assert outcome.exit_code == 0, outcome.stderr
    import docx

    paragraphs = [p.text for p in docx.Document(space.out / "cities-annex-I.docx").paragraphs]
    assert any("Zero\u200bwidth, <script>x</script> and 서울." in p for p in paragraphs)
    shown = " ".join(pypdf.PdfReader(space.out / "cities-annex-I.pdf").pages[0].extract_text().split())
    assert "<script>x</script> and 서울." in shown
