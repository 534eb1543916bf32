"""Tagged, accessible and archival PDFs: PDF/UA-1 and PDF/A-2a, checked on every sample document.

The conformance checker is `page` (PyPI page-validation), which runs veraPDF's rules for
PDF/UA-1 and PDF/A-2a without Java; the structure tests read the tags with pikepdf and
the tagged text with pdfplumber (pdf_structure.py).
"""

from __future__ import annotations

import io
import itertools
import re
import subprocess
import zlib
from pathlib import Path

import page
import pikepdf
import pytest

from conftest import SAMPLE, copy_meeting, run_cli
from pdf_structure import structure
from toolkit.model.plain import inline_text
from toolkit.model.build import load

SAMPLE_PDFS = ["provisional-agenda", "annotated-agenda", "list-of-documents", "list-of-participants",
               "5a-air-pollution", "5a-air-pollution-annex-I", "5d-low-carbon-cities",
               "5d-low-carbon-cities-annex-I", "5d-low-carbon-cities-annex-II", "5d-low-carbon-cities-annex-III",
               "5d-low-carbon-cities-annex-IV", "5d-low-carbon-cities.ru", "5d-low-carbon-cities.zh",
               "7-core-fund", "7-core-fund-corr1", "7-core-fund-as-corrected",
               "information-note", "report"]


def _note(name: str):
    return next(n for n in load(SAMPLE).notes if n.source == f"notes/{name}.md")


@pytest.mark.slow
@pytest.mark.office
def test_the_sample_list_is_every_pdf_of_the_sample(sample_build: Path):
    assert sorted(SAMPLE_PDFS) == sorted(p.stem for p in sample_build.glob("*.pdf"))


def language_of(name: str) -> str:
    """The sample's translations are NAME.ru and NAME.zh; the rest is English."""
    return {"ru": "ru", "zh": "zh-CN"}.get(name.rpartition(".")[2], "en") if "." in name else "en"


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("name", SAMPLE_PDFS)
def test_pdfinfo_says_tagged(sample_build: Path, name: str):
    info = subprocess.run(["pdfinfo", str(sample_build / f"{name}.pdf")], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("profile", ["ua1", "2a"])
@pytest.mark.parametrize("name", SAMPLE_PDFS)
def test_the_checker_finds_nothing(sample_build: Path, name: str, profile: str):
    report = page.validate_pdf(sample_build / f"{name}.pdf", profile=profile)
    assert [(f.rule_id, f.message) for f in report.failures] == []
    assert report.is_compliant


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("name", SAMPLE_PDFS)
def test_catalog_and_metadata_name_both_standards(sample_build: Path, name: str):
    with pikepdf.open(sample_build / f"{name}.pdf") as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.Root.Lang) == language_of(name)
        assert "/Filter" not in pdf.Root.Metadata.stream_dict  # PDF/A-2: metadata is plain XML
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "A"
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == str(pdf.docinfo.Title) != ""
        assert [str(i.S) for i in pdf.Root.OutputIntents] == ["/GTS_PDFA1"]


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("name", SAMPLE_PDFS)
def test_every_font_is_embedded(sample_build: Path, name: str):
    with pikepdf.open(sample_build / f"{name}.pdf") as pdf:
        fonts = {font.objgen: font for p in pdf.pages for font in p.Resources.get("/Font", {}).values()}
        assert fonts
        for font in fonts.values():
            described = font.DescendantFonts[0] if font.Subtype == "/Type0" else font
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(described.FontDescriptor.keys()), font


@pytest.mark.slow
@pytest.mark.office
def test_headings_are_the_chapters_and_annexes_in_order(sample_build: Path):
    note = _note("5d-low-carbon-cities")
    tree = structure(sample_build / "5d-low-carbon-cities.pdf")
    h1 = [node.text for node in tree.walk() if node.role == "H1"]
    chapters = [f"{c.label}{inline_text(c.title)}" for c in note.chapters]
    assert h1 == chapters + [a.heading for a in note.annexes]
    subheadings = [node.text for node in tree.walk() if node.role == "H2"]
    assert inline_text(note.chapters[1].blocks[1].content) in subheadings
    levels = [int(node.role[1]) for node in tree.walk() if re.fullmatch(r"H[1-6]", node.role)]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))


@pytest.mark.slow
@pytest.mark.office
def test_paragraph_numbers_and_letters_are_list_labels(sample_build: Path):
    tree = structure(sample_build / "5d-low-carbon-cities.pdf")
    body = tree.find("Part")  # <main>: the note's body, page by page
    numbers = []
    for part in body:
        for lst in part.walk():
            if lst.role != "L":
                continue
            for item in lst.kids:
                assert item.role == "LI"
                assert [kid.role for kid in item.kids] in (["Lbl", "LBody"], ["LBody"])  # ["LBody"]: continued
                if item.kids[0].role == "Lbl" and re.fullmatch(r"\d+\.", item.kids[0].text):
                    numbers.append(int(item.kids[0].text[:-1]))
    last = len([n for n in numbers])
    assert numbers == list(range(1, last + 1)) and last >= 10
    letters = [node.text for node in tree.walk() if node.role == "Lbl" and re.fullmatch(r"\([a-z]\)", node.text)]
    assert letters[:2] == ["(a)", "(b)"]


@pytest.mark.slow
@pytest.mark.office
def test_footnotes_are_notes_read_after_their_call(sample_build: Path):
    note = _note("5d-low-carbon-cities")
    tree = structure(sample_build / "5d-low-carbon-cities.pdf")
    notes = tree.find("Note")
    assert len(notes) == len(note.footnotes) >= 1
    assert len({n.attrs["ID"] for n in notes}) == len(notes)
    for parent in tree.walk():
        roles = [kid.role for kid in parent.kids]
        for i, role in enumerate(roles):
            if role == "Note":
                call, footnote = parent.kids[i - 1], parent.kids[i]
                assert call.role == "Reference" and footnote.kids[0].role == "Lbl"
                assert call.text == footnote.kids[0].text
    first = note.footnotes[0]
    assert inline_text(first.content)[:40] in notes[0].text


@pytest.mark.slow
@pytest.mark.office
def test_contents_is_a_toc_of_links(sample_build: Path):
    tree = structure(sample_build / "5d-low-carbon-cities.pdf")
    (toc,) = tree.find("TOC")
    assert [kid.role for kid in toc.kids][:2] == ["Caption", "TOCI"]
    assert all(item.find("Link") for item in toc.kids[1:])
    assert "." * 5 not in toc.text  # the dot leaders are artifacts


@pytest.mark.slow
@pytest.mark.office
def test_masthead_comes_first_in_reading_order(sample_build: Path):
    note = _note("5d-low-carbon-cities")
    tree = structure(sample_build / "5d-low-carbon-cities.pdf")
    masthead = tree.kids[0]
    assert masthead.text.startswith(note.masthead.symbol)
    assert masthead.text.index(note.masthead.organization[0]) < masthead.text.index(inline_text(note.masthead.title))


@pytest.mark.slow
@pytest.mark.office
def test_tables_have_header_cells_with_scope(sample_build: Path):
    tree = structure(sample_build / "7-core-fund.pdf")
    (table,) = tree.find("Table")
    headers = table.find("TH")
    assert headers and all(th.attrs.get("Scope") == "Column" for th in headers)
    assert table.find("TD")


@pytest.mark.slow
@pytest.mark.office
def test_figures_carry_their_description(sample_build: Path):
    tree = structure(sample_build / "5d-low-carbon-cities.pdf")
    alts = [figure.attrs.get("Alt", "") for figure in tree.find("Figure")]
    assert all(alts) and any(alt.startswith("Bar chart of forum participants.") for alt in alts)


@pytest.mark.slow
@pytest.mark.office
def test_runs_in_other_scripts_have_their_language(sample_build: Path):
    tree = structure(sample_build / "5d-low-carbon-cities.pdf")
    langs: dict[str, str] = {}
    for node in tree.walk():  # a word hyphenated at a line's end is two runs of its language
        if "Lang" in node.attrs:
            langs[node.attrs["Lang"]] = langs.get(node.attrs["Lang"], "") + node.text
    assert "인천광역시" in langs["ko"]
    assert "Улаанбаатар" in langs["ru"].replace("\u2010", "").replace("-", "")


def _artifact_kinds(page_) -> list[tuple[str, str | None]]:
    kinds = []
    for operands, operator in pikepdf.parse_content_stream(page_):
        if str(operator) == "BDC" and operands[0] == pikepdf.Name.Artifact:
            kinds.append((str(operands[1].get("/Type")), str(operands[1].get("/Subtype", "")) or None))
    return kinds


@pytest.mark.slow
@pytest.mark.office
def test_page_numbers_and_running_heads_are_artifacts(sample_build: Path):
    tree = structure(sample_build / "5d-low-carbon-cities.pdf")
    assert "ESCAP/NEASPEC/SOM(26)/5d" not in tree.text.replace(tree.kids[0].text, "")  # only the masthead's
    # typed, so a reader knows what it skips: the running head and page number as pagination
    with pikepdf.open(sample_build / "5d-low-carbon-cities.pdf") as pdf:
        first, second = _artifact_kinds(pdf.pages[0]), _artifact_kinds(pdf.pages[1])
    assert ("/Layout", None) in first  # the contents' dot leaders
    assert {("/Pagination", "/Header"), ("/Pagination", "/Footer")} <= set(second)


def _attach(tmp_path: Path, pdf: Path) -> Path:
    meeting = copy_meeting("basic", tmp_path)
    note = meeting / "notes" / "cities.md"
    note.write_text(note.read_text().replace(
        "  - title: Plan of work\n", "  - title: A signed statement\n    file: annexes/statement.pdf\n"
                                     "  - title: Plan of work\n"))
    (meeting / "annexes" / "statement.pdf").write_bytes(pdf.read_bytes())
    return meeting


@pytest.mark.slow
@pytest.mark.office
def test_an_attached_pdf_is_a_figure_per_page_and_the_document_stays_conformant(tmp_path: Path,
                                                                                sample_build: Path):
    attached = sample_build / "annotated-agenda.pdf"  # a tagged PDF (its own tags are not kept)
    with pikepdf.open(attached) as pdf:
        count = len(pdf.pages)
    meeting = _attach(tmp_path, attached)
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--out", out, "--format", "pdf")
    assert result.exit_code == 0, result.stderr
    for name in ("cities", "cities-annex-II"):
        path = out / f"{name}.pdf"
        for profile in ("ua1", "2a"):
            report = page.validate_pdf(path, profile=profile)
            assert [(f.rule_id, f.message) for f in report.failures] == [], (name, profile)
        figures = [f for f in structure(path).find("Figure") if "attached" in f.attrs.get("Alt", "")]
        # issued alone, the annex is named as its note's annex (issue 18)
        heading = "Annex II to ESCAP/NEASPEC/SOM(T)/2b" if name == "cities-annex-II" else "Annex II"
        assert [f.attrs["Alt"] for f in figures] == [
            f"{heading}. A signed statement, page {n} of {count} of the attached document"
            for n in range(1, count + 1)]
        with pikepdf.open(path) as pdf:
            pages = [i for i, p in enumerate(pdf.pages) if "/Annex" in p.Resources.get("/XObject", {})]
            assert len(pages) == count
            assert all(b"/Figure <</MCID 0>> BDC" in pdf.pages[i].Contents.read_bytes() for i in pages)


def _gray(pixels: int) -> bytearray:
    """Grey pixels whose Flate stream ends with a carriage return: a zlib stream ends with the
    Adler-32 of its data, whose last byte is (1 + the sum of the bytes) mod 65521 mod 256."""
    data = bytearray(i % 251 for i in range(pixels))
    while zlib.adler32(bytes(data)) & 0xFF != 0x0D:
        data[0] = (data[0] + 1) % 256
    return data


def _pdf_with_a_picture_ending_in_cr(path: Path) -> Path:
    pdf = pikepdf.new()
    data = zlib.compress(bytes(_gray(32 * 32)))
    assert data.endswith(b"\r")
    picture = pdf.make_stream(data, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=32, Height=32,
                              ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8,
                              Filter=pikepdf.Name.FlateDecode)
    return _one_page(pdf, path, pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=picture)),
                     b"q 200 0 0 200 100 500 cm /Im0 Do Q")


@pytest.mark.slow
def test_an_attached_stream_ending_in_a_carriage_return_keeps_its_length_right(tmp_path: Path):
    """One compressed stream in 256 ends with a carriage return; the line feed that closes it would
    make a strict reader count one byte less than its /Length (PDF/A-2 6.1.7.1)."""
    meeting = _attach(tmp_path, _pdf_with_a_picture_ending_in_cr(tmp_path / "statement.pdf"))
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--out", out, "--format", "pdf")
    assert result.exit_code == 0, result.stderr
    for name in ("cities", "cities-annex-II"):
        path = out / f"{name}.pdf"
        assert b"\r\nendstream" not in path.read_bytes()
        assert page.validate_pdf(path, profile="2a").failures == [], name
        with pikepdf.open(path) as pdf:
            pictures = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"
                        and o.get("/Width") == 32]
            assert len(pictures) == 1
            assert list(pictures[0].Filter) == ["/RunLengthDecode", "/FlateDecode"]  # run-length over its Flate
            assert pictures[0].read_raw_bytes().endswith(b"\x80")
            assert pictures[0].read_bytes(pikepdf.StreamDecodeLevel.specialized) == bytes(_gray(32 * 32))


def test_a_stream_written_again_keeps_its_filters_and_their_parameters():
    from toolkit.render.pdf.attached import _end_clear_of_the_line_end

    pdf = pikepdf.new()
    rows = _gray(40 * 4)
    for row in range(40):
        rows[row * 4] = 0  # PNG predictor "none" on each row of three bytes
    while zlib.adler32(bytes(rows)) & 0xFF != 0x0D:
        rows[1] = (rows[1] + 1) % 256
    stream = pdf.make_stream(zlib.compress(bytes(rows)), Filter=pikepdf.Name.FlateDecode,
                             DecodeParms=pikepdf.Dictionary(Predictor=12, Columns=3))
    decoded = stream.read_bytes()
    assert _end_clear_of_the_line_end(stream)
    assert list(stream.Filter) == ["/RunLengthDecode", "/FlateDecode"]
    assert stream.DecodeParms[0] is None and stream.DecodeParms[1].Predictor == 12
    assert stream.read_bytes(pikepdf.StreamDecodeLevel.specialized) == decoded
    long = pdf.make_stream(b"x" * 300 + b"\r")  # literal runs of 128 bytes at most
    assert _end_clear_of_the_line_end(long)
    assert long.read_raw_bytes()[0] == 127 and long.read_raw_bytes()[129] == 127
    assert long.read_bytes(pikepdf.StreamDecodeLevel.specialized) == b"x" * 300 + b"\r"
    clean = pdf.make_stream(b"q Q")
    assert not _end_clear_of_the_line_end(clean)
    assert clean.read_raw_bytes() == b"q Q" and "/Filter" not in clean


def _lzw(data: bytes) -> bytes:
    """LZWDecode's coding of a short text (fewer than 250 new codes: 9-bit codes throughout)."""
    table = {bytes([i]): i for i in range(256)}
    codes, word = [256], b""
    for byte in data:
        if word + bytes([byte]) in table:
            word += bytes([byte])
            continue
        codes.append(table[word])
        table[word + bytes([byte])] = len(table) + 2  # 256 and 257 are clear and end
        word = bytes([byte])
    codes += [table[word], 257]
    assert len(table) < 500
    bits = "".join(f"{code:09b}" for code in codes)
    bits += "0" * (-len(bits) % 8)
    return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))


@pytest.mark.slow
@pytest.mark.office
def test_the_spliced_file_has_no_lzw_and_no_stream_ending_in_cr(sample_build: Path):
    """Every sample PDF as the splice writes it: no stream ends with a carriage return, object streams
    kept in most. Streams in LZW (forbidden in PDF/A) are compressed again with Flate, also in a
    file with a stream to run-length code."""
    from toolkit.render.pdf.attached import _save

    kept = 0
    for path in sorted(sample_build.glob("*.pdf")):
        with pikepdf.open(path) as doc:
            data = _save(doc)
        assert b"\r\nendstream" not in data, path.name
        kept += b"/ObjStm" in data
    assert kept > len(list(sample_build.glob("*.pdf"))) // 2  # 15 of 17 with qpdf 12.4
    text = b"BT /F1 12 Tf 72 720 Td (An old scanned statement, coded in LZW) Tj ET " * 2
    with pikepdf.open(sample_build / "list-of-documents.pdf") as doc:
        doc.pages[0].obj.PieceInfo = doc.make_indirect(pikepdf.Stream(doc, b""))
        doc.pages[0].obj.PieceInfo.write(_lzw(text), filter=pikepdf.Name.LZWDecode)
        assert doc.pages[0].obj.PieceInfo.read_bytes() == text  # the coding is LZW as qpdf reads it
        picture = zlib.compress(bytes(_gray(32 * 32)))
        doc.pages[0].obj.LastModified = doc.make_indirect(pikepdf.Stream(doc, picture))
        doc.pages[0].obj.LastModified.write(picture, filter=pikepdf.Name.FlateDecode)
        data = _save(doc)
    assert b"/LZWDecode" not in data and b"\r\nendstream" not in data
    with pikepdf.open(io.BytesIO(data)) as again:
        assert again.pages[0].obj.PieceInfo.read_bytes() == text
        assert again.pages[0].obj.LastModified.read_bytes(pikepdf.StreamDecodeLevel.specialized) == bytes(
            _gray(32 * 32))


@pytest.mark.slow
@pytest.mark.office
def test_the_spliced_file_drops_its_object_streams_when_qpdf_made_a_stream_end_in_cr(sample_build: Path):
    """qpdf compresses the object streams itself; should one end with a carriage return (as this
    stream's bytes look to a scan of the file), the file is written again without them."""
    from toolkit.render.pdf.attached import _save

    with pikepdf.open(sample_build / "list-of-documents.pdf") as doc:
        raw = b"\x0a\r\nendstream\x80"  # run-length coding of the bytes that close a stream after a CR
        doc.pages[0].obj.PieceInfo = doc.make_indirect(pikepdf.Stream(doc, b""))
        doc.pages[0].obj.PieceInfo.write(raw, filter=pikepdf.Name.RunLengthDecode)  # qpdf keeps such bytes
        data = _save(doc)
    assert b"/ObjStm" not in data
    with pikepdf.open(io.BytesIO(data)) as again:
        assert again.pages[0].obj.PieceInfo.read_raw_bytes() == raw  # written as it was


def _pdf_with_a_font_it_does_not_embed(path: Path) -> Path:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    return _one_page(pdf, path, pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                     b"BT /F1 12 Tf 72 720 Td (A statement) Tj ET")


def _one_page(pdf: pikepdf.Pdf, path: Path, resources: pikepdf.Dictionary, contents: bytes) -> Path:
    """An A4 page drawing `contents` with `resources`, saved as the PDF at `path`."""
    page_ = pdf.add_blank_page(page_size=(595, 842))
    page_.Resources = resources
    page_.Contents = pdf.make_stream(contents)
    pdf.save(path)
    return path


@pytest.mark.slow
def test_an_attached_pdf_without_its_fonts_makes_no_claim_and_says_so(tmp_path: Path):
    meeting = _attach(tmp_path, _pdf_with_a_font_it_does_not_embed(tmp_path / "statement.pdf"))
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--out", out, "--format", "pdf")
    assert result.exit_code == 0, result.stderr
    assert "annexes/statement.pdf:1: warning: this PDF uses fonts it does not embed" in result.stderr
    with pikepdf.open(out / "cities.pdf") as pdf:
        meta = pdf.open_metadata()
        assert "pdfaid:part" not in meta and "pdfuaid:part" not in meta
        assert pdf.Root.MarkInfo.Marked is True  # still tagged
    with pikepdf.open(out / "cities-annex-I.pdf") as pdf:  # another output of the note keeps its claims
        assert pdf.open_metadata()["pdfuaid:part"] == "1"


def test_weasyprints_tagging_is_the_one_the_roles_were_written_for():
    """If this fails, WeasyPrint's tags.py changed: toolkit/render/pdf/tagging.py must follow it."""
    from toolkit.render.pdf import tagging

    assert tagging.install()
