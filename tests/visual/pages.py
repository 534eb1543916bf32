"""Every page of the sample meeting, as the reader sees it: PDF pages and the DOCX as
LibreOffice lays it out, drawn small in grey by pdfium, and compared with the committed
reference pictures in tests/visual/reference/.

Drawing small keeps the pictures a few kilobytes each and makes the comparison about the
layout (where lines, paragraphs, tables and page breaks fall), not about antialiasing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops

from toolkit.render import office

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "reference"
DPI = 40
# A page differs when more than this share of its pixels are off by more than LEVELS grey levels:
# a moved line, a page break or a changed word is seen; rounding in the rasterizer is not.
SHARE = 0.0005
LEVELS = 48
FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class Difference:
    name: str  # "pdf/5d-low-carbon-cities-p3.png"
    why: str


def page_pictures(pdf: bytes) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L") for page in document]
    finally:
        document.close()


def draw_build(out: Path) -> dict[str, Image.Image]:
    """"pdf/<stem>-p<N>.png" -> the page, for every PDF and DOCX of a built meeting."""
    pictures: dict[str, Image.Image] = {}
    pdfs = sorted(out.glob("*.pdf"))
    docxs = sorted(out.glob("*.docx"))
    laid_out = office.convert([path.read_bytes() for path in docxs], office.find()) if docxs else []
    for fmt, paths, datas in (("pdf", pdfs, [p.read_bytes() for p in pdfs]), ("docx", docxs, laid_out)):
        for path, data in zip(paths, datas, strict=True):
            for number, picture in enumerate(page_pictures(data), 1):
                pictures[f"{fmt}/{path.stem}-p{number}.png"] = picture
    return pictures


def png(picture: Image.Image) -> bytes:
    out = io.BytesIO()
    picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def compare(pictures: dict[str, Image.Image], reference: Path = REFERENCE) -> list[Difference]:
    expected = {str(p.relative_to(reference)): p for p in reference.glob("*/*.png")}
    found = []
    for name in sorted(set(expected) - set(pictures)):
        found.append(Difference(name, "page no longer made (a document lost a page or was removed)"))
    for name in sorted(set(pictures) - set(expected)):
        found.append(Difference(name, "new page with no reference picture"))
    for name in sorted(set(pictures) & set(expected)):
        why = differs(pictures[name], Image.open(expected[name]).convert("L"))
        if why:
            found.append(Difference(name, why))
    return found


def differs(actual: Image.Image, expected: Image.Image) -> str | None:
    if actual.size != expected.size:
        return f"page size {actual.size} instead of {expected.size}"
    diff = ImageChops.difference(actual, expected).point(lambda level: 255 if level > LEVELS else 0)
    off = diff.histogram()[255]
    share = off / (actual.size[0] * actual.size[1])
    return f"{off} pixels differ ({share:.3%} of the page; tolerance {SHARE:.3%})" if share > SHARE else None


def write_diffs(pictures: dict[str, Image.Image], differences: list[Difference], folder: Path,
                reference: Path = REFERENCE) -> None:
    """For each differing page: the page as made now, and the reference and the page side by side
    with the changed pixels in red, for a reviewer to look at."""
    for difference in differences:
        actual = pictures.get(difference.name)
        if actual is None:
            continue
        target = folder / difference.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png(actual))
        ref_path = reference / difference.name
        if ref_path.exists():
            expected = Image.open(ref_path).convert("L")
            if expected.size == actual.size:
                mask = ImageChops.difference(actual, expected).point(lambda level: 255 if level > LEVELS else 0)
                marked = Image.merge("RGB", (ImageChops.lighter(actual, mask), actual, actual))
                side = Image.new("RGB", (actual.size[0] * 2, actual.size[1]), "white")
                side.paste(expected.convert("RGB"), (0, 0))
                side.paste(marked, (actual.size[0], 0))
                side.save(target.with_name(target.stem + "-compared.png"))
