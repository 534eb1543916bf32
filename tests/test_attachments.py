"""Annexes that are existing PDF or Word files, appended as they are."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from conftest import SAMPLE, copy_meeting, read_pdf, run_cli
from toolkit.render import office


def _with_attachment(tmp_path: Path, name: str) -> Path:
    """basic, with `name` as Annex II (so Annex III comes after the attached pages)."""
    meeting = copy_meeting("basic", tmp_path)
    note = meeting / "notes" / "cities.md"
    note.write_text(note.read_text().replace(
        "  - title: Plan of work\n", f"  - title: A signed statement\n    file: annexes/{name}\n"
                                     "  - title: Plan of work\n"))
    return meeting


@pytest.fixture(scope="module")
def attached_pdf(tmp_path_factory) -> Path:
    """Two PDFs made by the toolkit itself: the sample's annotated agenda (attached) and provisional agenda."""
    out = tmp_path_factory.mktemp("attached")
    assert run_cli("build", SAMPLE, "--out", out, "--only", "provisional-agenda").exit_code == 0
    assert run_cli("build", SAMPLE, "--out", out, "--only", "5a").exit_code == 0
    return out / "annotated-agenda.pdf"


@pytest.mark.office
@pytest.mark.slow
def test_attached_pdf_pages_follow_the_annex_heading_page(tmp_path: Path, attached_pdf: Path):
    meeting = _with_attachment(tmp_path, "statement.pdf")
    shutil.copy(attached_pdf, meeting / "annexes" / "statement.pdf")
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--out", out)
    assert result.exit_code == 0, result.stderr
    attached = read_pdf(attached_pdf)
    pages = read_pdf(out / "cities.pdf")
    heading = next(i for i, p in enumerate(pages) if p.lines[1]["text"] == "Annex II")
    assert pages[heading].lines[2]["text"] == "A signed statement"
    for offset, page in enumerate(attached, 1):
        assert pages[heading + offset].text == page.text, "the attached page, as it is"
    after = pages[heading + len(attached) + 1]
    assert after.lines[1]["text"] == "Annex III"
    assert after.lines[-1]["text"] == str(after.number), "page numbers count the attached pages"
    alone = read_pdf(out / "cities-annex-II.pdf")
    assert "Annex II to ESCAP/NEASPEC/SOM(T)/2b A signed statement" in " ".join(alone[0].text.split())
    assert [p.text for p in alone[1:]] == [p.text for p in attached]


@pytest.mark.office
@pytest.mark.slow
def test_a_changed_attachment_rebuilds_what_shows_it(tmp_path: Path, attached_pdf: Path):
    meeting = _with_attachment(tmp_path, "statement.pdf")
    shutil.copy(attached_pdf, meeting / "annexes" / "statement.pdf")
    out = tmp_path / "out"
    run_cli("build", meeting, "--out", out)
    shutil.copy(attached_pdf.with_name("provisional-agenda.pdf"), meeting / "annexes" / "statement.pdf")
    result = run_cli("build", meeting, "--out", out, "-v")
    assert "built cities.pdf: content changed: annexes/statement.pdf" in result.stdout
    assert "built cities-annex-II.pdf" in result.stdout and "built 4," in result.stdout  # PDF and DOCX


def test_a_damaged_pdf_is_an_error_at_its_line(tmp_path: Path):
    meeting = _with_attachment(tmp_path, "statement.pdf")
    (meeting / "annexes" / "statement.pdf").write_bytes(b"%PDF-1.7\nnot really a PDF")
    result = run_cli("check", meeting)
    assert result.exit_code == 1
    assert result.stderr.startswith("notes/cities.md:10:11: error: annex file 'annexes/statement.pdf' is not a "
                                    "readable PDF")


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.skipif(office.find() is None, reason="LibreOffice (deps/debian.txt) is not installed")
def test_attached_word_file_is_converted_and_appended(tmp_path: Path):
    meeting = _with_attachment(tmp_path, "statement.docx")
    document = docx.Document()
    document.add_paragraph("Joint statement of the partner institutions, as signed.")
    document.save(meeting / "annexes" / "statement.docx")
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--out", out, "--only", "cities")
    assert result.exit_code == 0, result.stderr
    pages = read_pdf(out / "cities.pdf")
    heading = next(i for i, p in enumerate(pages) if p.lines[1]["text"] == "Annex II")
    assert pages[heading + 1].text.strip() == "Joint statement of the partner institutions, as signed."


def test_an_attached_word_file_reaches_libreoffice_without_external_targets(tmp_path: Path):
    """A linked picture or a remote template would have LibreOffice fetch it: their targets are emptied."""
    import io
    import zipfile

    from toolkit.render.pdf.attached import without_external_links

    document = docx.Document()
    document.add_paragraph("Text.")
    saved = io.BytesIO()
    document.save(saved)
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'image" Target="http://169.254.169.254/latest/meta-data/x.png" TargetMode="External"/>'
            '<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'hyperlink" Target="https://www.unescap.org/" TargetMode="External"/></Relationships>')
    with zipfile.ZipFile(saved, "a") as archive:
        archive.writestr("word/_rels/footer1.xml.rels", rels)
    cleaned = zipfile.ZipFile(io.BytesIO(without_external_links(saved.getvalue())))
    text = cleaned.read("word/_rels/footer1.xml.rels").decode()
    assert "169.254.169.254" not in text and 'Target=""' in text
    assert 'Target="https://www.unescap.org/"' in text, "hyperlinks are never fetched: kept"
    assert cleaned.read("word/document.xml") == zipfile.ZipFile(saved).read("word/document.xml")


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.skipif(office.find() is None, reason="LibreOffice (deps/debian.txt) is not installed")
def test_an_attached_word_file_makes_libreoffice_an_input_of_the_pdf(tmp_path: Path, monkeypatch):
    """LibreOffice converts the Word annex: another LibreOffice may convert it otherwise, so the PDFs
    that show it are rebuilt when it changes, and the others are not."""
    import json

    from toolkit.pipeline import fingerprint

    meeting = _with_attachment(tmp_path, "statement.docx")
    document = docx.Document()
    document.add_paragraph("Joint statement of the partner institutions, as signed.")
    document.save(meeting / "annexes" / "statement.docx")
    out = tmp_path / "out"
    assert run_cli("build", meeting, "--out", out, "--format", "pdf").exit_code == 0
    outputs = json.loads((out / "manifest.json").read_text())["outputs"]
    inputs = {name: entry["inputs"] for name, entry in outputs.items()}
    assert inputs["cities.pdf"]["office"] == office.digest() != "none"
    assert inputs["cities-annex-II.pdf"]["office"] == office.digest(), "the attached annex issued on its own"
    assert "office" not in inputs["cities-annex-I.pdf"] and "office" not in inputs["provisional-agenda.pdf"]
    monkeypatch.setattr(fingerprint.office, "digest", lambda: "another LibreOffice")
    result = run_cli("build", meeting, "--out", out, "--format", "pdf", "-v")
    assert "built cities.pdf: LibreOffice, which lays out the DOCX and converts attached Word files, changed" \
        in result.stdout
    assert "built 2," in result.stdout and "built cities-annex-II.pdf" in result.stdout
