"""The pictures of a note's figures -> their bytes (and a PNG of each SVG), read once in the worker.

Like attached annexes (attachments.py), each picture file is read once per document,
checked against the sha256 the reader recorded, and travels with the Draft, so the
main process writes the DOCX again without reading the meeting folder.

An SVG goes into the DOCX as it is (Word 2016 and later draw it), with a PNG beside it
for older Word and for LibreOffice, which show only the PNG. The PNG is drawn offline
by the same engines as the PDF: WeasyPrint lays the SVG out on a page of its size (its
fetcher reads files of the meeting folder only, never the network, as for the PDF),
and pdfium rasterizes that page, as for attached PDF annexes.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from html import escape
from pathlib import Path

from toolkit.errors import Diagnostics, Position
from toolkit.model.document import Chapter, Figure, Image, Note

FALLBACK_WIDTH = 1600  # pixels of an SVG's PNG: sharp across the text width in print (about 250 dpi)
MAX_PIXELS = 4000  # on either side: a very tall SVG is drawn smaller rather than huge


@dataclass(frozen=True)
class Picture:
    data: bytes  # the file as it is
    format: str  # png | jpeg | svg
    fallback: bytes | None = None  # the PNG drawn from an SVG


class PictureUnreadable(Exception):
    """The picture cannot serve; the message says why."""


def figures_of(note: Note) -> list[Figure]:
    chapters: list[Chapter] = [*note.chapters, *(c for annex in note.annexes for c in annex.chapters)]
    return [block for chapter in chapters for block in chapter.blocks if isinstance(block, Figure)]


def images_of(note: Note) -> list[tuple[Image, Position | None]]:
    """Every picture the document shows: the masthead's emblem, then its figures'."""
    emblem = note.masthead.emblem
    return ([(emblem, Position("meeting.yaml", 1))] if emblem else []) + \
        [(figure.image, figure.position) for figure in figures_of(note)]


def load_pictures(note: Note, root: Path | None, diags: Diagnostics) -> dict[str, Picture] | None:
    """Meeting-relative path -> its picture; None (with errors in diags) when one cannot be read."""
    out: dict[str, Picture] = {}
    failed = False
    for image, position in images_of(note):
        if image.path in out:
            continue
        where = position or Position(image.path, 1)
        name = repr(image.path)
        if root is None:
            diags.error(where, f"picture {name} cannot be placed in the DOCX: the DOCX renderer was not given "
                               "the meeting folder")
            failed = True
            continue
        try:
            data = (root / image.path).read_bytes()
            if hashlib.sha256(data).hexdigest() != image.sha256:
                raise PictureUnreadable("changed while the meeting was being built; build again")
            fallback = svg_to_png(root, image.path, image.width, image.height) if image.format == "svg" else None
            out[image.path] = Picture(data, image.format, fallback)
        except OSError as exc:
            diags.error(where, f"picture {name} cannot be read for the DOCX ({exc.strerror or exc})")
            failed = True
        except PictureUnreadable as exc:
            diags.error(where, f"picture {name} {exc}")
            failed = True
    return None if failed else out


def svg_to_png(root: Path, path: str, width: float, height: float) -> bytes:
    """The SVG drawn as a PNG FALLBACK_WIDTH pixels wide (fewer if it is very tall)."""
    import pypdfium2 as pdfium  # heavy: imported only when an SVG is placed
    import weasyprint

    from toolkit.render.fetcher import RefusedFetch, RestrictedFetcher
    from toolkit.render.warnings import weasyprint_warnings

    if width <= 0 or height <= 0:
        raise PictureUnreadable("has no width or height to draw it at")
    url = (root / path).resolve().as_uri()
    page = (f"<style>@page {{ size: {width}px {height}px; margin: 0 }} html, body {{ margin: 0 }} "
            f"img {{ display: block; width: {width}px; height: {height}px }}</style>"
            f'<img src="{escape(url)}" alt="">')
    with weasyprint_warnings() as warnings:
        try:
            pdf = weasyprint.HTML(string=page, base_url=url, url_fetcher=RestrictedFetcher([root])).write_pdf()
        except RefusedFetch as exc:
            raise PictureUnreadable(f"cannot be drawn for the DOCX: {exc}") from exc
    if warnings:  # an SVG WeasyPrint cannot draw would leave a blank picture
        raise PictureUnreadable(f"cannot be drawn for the DOCX: {warnings[0]}")
    points = width * 0.75  # CSS px -> pt
    scale = min(FALLBACK_WIDTH, MAX_PIXELS * width / max(width, height)) / points
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=scale).to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
