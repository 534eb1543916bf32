"""Images for figures: sizes of good PNG, JPEG and SVG files, and every refusal."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from toolkit.errors import Diagnostics, Position
from toolkit.sources import images
from toolkit.sources.images import ImageInfo, check_image

NOTE = Position("notes/cities.md", 8, 5)
SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" {attrs}>{body}</svg>'


def check(root: Path, rel: str) -> tuple[ImageInfo | None, list[str]]:
    diags = Diagnostics()
    info = check_image(root, rel, NOTE, diags)
    return info, [str(d) for d in diags.items]


def error(root: Path, rel: str) -> str:
    info, errors = check(root, rel)
    assert info is None and len(errors) == 1
    return errors[0]


def save(root: Path, name: str, image: Image.Image, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG" if name.endswith(".png") else "JPEG", **options)
    (root / name).write_bytes(buffer.getvalue())
    return buffer.getvalue()


def svg(root: Path, attrs: str = 'viewBox="0 0 400 300"', body: str = "<rect width='1' height='1'/>",
        name: str = "figure.svg") -> str:
    (root / name).write_text(SVG.format(attrs=attrs, body=body), encoding="utf-8")
    return name


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


# --- Good images -----------------------------------------------------------------------------

def test_png_and_jpeg_sizes(tmp_path):
    data = save(tmp_path, "chart.png", Image.new("RGB", (640, 480), "white"))
    info, errors = check(tmp_path, "chart.png")
    assert errors == []
    assert info == ImageInfo("chart.png", hashlib.sha256(data).hexdigest(), "png", 640.0, 480.0)
    save(tmp_path, "photo.JPEG", Image.new("RGB", (300, 200), "navy"))
    info, errors = check(tmp_path, "photo.JPEG")
    assert errors == [] and (info.format, info.width, info.height) == ("jpeg", 300.0, 200.0)


def test_jpeg_turned_by_exif_gives_the_shown_size(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # turned a quarter to the right, as a phone saves a portrait photo
    save(tmp_path, "portrait.jpg", Image.new("RGB", (400, 300)), exif=exif)
    info, errors = check(tmp_path, "portrait.jpg")
    assert errors == [] and (info.width, info.height) == (300.0, 400.0)


@pytest.mark.parametrize("attrs, size", [
    ('viewBox="0 0 400 300"', (400.0, 300.0)),
    ('viewBox="10,10,  80.5,40"', (80.5, 40.0)),
    ('width="200" height="100"', (200.0, 100.0)),
    ('width="72pt" height="1in"', (96.0, 96.0)),
    ('width="25.4mm" height="2.54cm" viewBox="0 0 5 9"', (96.0, 96.0)),
    ('width="100%" height="100%" viewBox="0 0 16 9"', (16.0, 9.0)),
])
def test_svg_sizes(tmp_path, attrs, size):
    rel = svg(tmp_path, attrs, "<defs><linearGradient id='g'/></defs><rect fill='url(#g)' width='1' height='1'/>"
                               "<use xlink:href='#g'/><style>rect { fill: url( '#g' ) }</style>")
    info, errors = check(tmp_path, rel)
    assert errors == []
    assert (info.format, info.width, info.height) == ("svg", *size)


# --- Files -----------------------------------------------------------------------------------

def test_missing_file_suffix_and_links(tmp_path):
    assert error(tmp_path, "figures/none.png") == (
        "notes/cities.md:8:5: error: image file 'figures/none.png' does not exist: check the name and the folder "
        "(names are case-sensitive)")
    assert error(tmp_path, "figure.gif") == (
        "notes/cities.md:8:5: error: image file 'figure.gif' must be a PNG, JPEG or SVG image (.png, .jpg, "
        ".jpeg, .svg): save or export the figure in one of these formats")
    meeting = tmp_path / "meeting"
    meeting.mkdir()
    save(tmp_path, "outside.png", Image.new("L", (2, 2)))
    (meeting / "link.png").symlink_to(tmp_path / "outside.png")
    assert error(meeting, "link.png") == (
        "notes/cities.md:8:5: error: image file 'link.png' is a link to a file outside the meeting folder: copy "
        "the file itself into the meeting folder")
    (meeting / "folder.png").mkdir()
    assert error(meeting, "folder.png") == (
        "notes/cities.md:8:5: error: image file 'folder.png' is not a regular file (a folder, a pipe or a "
        "device): name a file saved in the meeting folder")
    os.mkfifo(meeting / "pipe.svg")
    assert error(meeting, "pipe.svg").endswith("'pipe.svg' is not a regular file (a folder, a pipe or a device): "
                                               "name a file saved in the meeting folder")


def test_over_the_size_limit(tmp_path):
    (tmp_path / "big.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * images.MAX_IMAGE_BYTES)
    assert error(tmp_path, "big.png") == (
        "notes/cities.md:8:5: error: image file 'big.png' is larger than the limit of 10 MB: save it at a lower "
        "resolution or as a compressed JPEG")


def test_content_not_what_the_suffix_says(tmp_path):
    (tmp_path / "photo.png").write_bytes(_jpeg(4, 4))
    assert error(tmp_path, "photo.png") == (
        "notes/cities.md:8:5: error: image file 'photo.png' is a JPEG image, not PNG: rename it to end in .jpg "
        "(or export it again as PNG)")
    (tmp_path / "chart.jpg").write_bytes(b"GIF89a" + b"\0" * 20)
    assert error(tmp_path, "chart.jpg") == (
        "notes/cities.md:8:5: error: image file 'chart.jpg' is a GIF file, not JPEG: export it as PNG, JPEG or SVG")
    (tmp_path / "page.png").write_text("<!DOCTYPE html><html><body>Not found</body></html>")
    assert error(tmp_path, "page.png") == (
        "notes/cities.md:8:5: error: image file 'page.png' is a web page, not an image (saved from a browser?): "
        "save the image itself")
    (tmp_path / "plot.svg").write_bytes(_jpeg(4, 4))
    assert error(tmp_path, "plot.svg") == (
        "notes/cities.md:8:5: error: image file 'plot.svg' is not UTF-8 text: export the SVG again (SVG files "
        "are saved as UTF-8)")
    (tmp_path / "text.svg").write_text("just text")
    assert error(tmp_path, "text.svg") == (
        "notes/cities.md:8:5: error: image file 'text.svg' is not an SVG image: export the figure again as SVG")


def _jpeg(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "red").save(buffer, format="JPEG")
    return buffer.getvalue()


# --- Bombs and damage ------------------------------------------------------------------------

@pytest.mark.parametrize("side", [10_000, 20_000])  # Pillow warns past 89 megapixels, raises past 179
def test_png_header_claiming_too_many_pixels(tmp_path, side):
    """A PNG of a few bytes whose header says 10000 x 10000 (or more): refused from the header, nothing
    unpacked, whether Pillow only warned (an error under pytest, so not let through) or refused itself."""
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0))
    data = b"\x89PNG\r\n\x1a\n" + header + png_chunk(b"IDAT", zlib.compress(b"\0" * 100)) + png_chunk(b"IEND", b"")
    (tmp_path / "bomb.png").write_bytes(data)
    assert len(data) < 200
    assert error(tmp_path, "bomb.png") == (
        f"notes/cities.md:8:5: error: image file 'bomb.png' has more than 40 million pixels ({side:,} × {side:,} "
        "pixels): save it at a lower resolution (a printed figure needs no more than 300 dots per inch)")


def test_one_bit_image_over_the_pixel_limit(tmp_path):
    """48 megapixels, under Pillow's own limits but over ours; a 1-bit image compresses small."""
    save(tmp_path, "scan.png", Image.new("1", (8_000, 6_000)))
    assert (tmp_path / "scan.png").stat().st_size < 100_000
    assert error(tmp_path, "scan.png") == (
        "notes/cities.md:8:5: error: image file 'scan.png' has more than 40 million pixels (8,000 × 6,000 "
        "pixels): save it at a lower resolution (a printed figure needs no more than 300 dots per inch)")


def test_truncated_png_and_jpeg(tmp_path):
    data = save(tmp_path, "cut.png", Image.effect_noise((200, 200), 50))
    (tmp_path / "cut.png").write_bytes(data[: len(data) // 2])
    assert error(tmp_path, "cut.png").startswith(
        "notes/cities.md:8:5: error: image file 'cut.png' is a damaged or incomplete PNG image (")
    photo = _jpeg(400, 300)
    (tmp_path / "cut.jpg").write_bytes(photo[: len(photo) // 2])
    message = error(tmp_path, "cut.jpg")
    assert message.startswith("notes/cities.md:8:5: error: image file 'cut.jpg' is a damaged or incomplete JPEG "
                              "image (")
    assert message.endswith("): export or copy the image again")


def test_png_with_a_wrong_checksum(tmp_path):
    data = bytearray(save(tmp_path, "bad.png", Image.new("RGB", (20, 20), "green")))
    data[-20] ^= 0xFF  # inside the IDAT chunk, so its CRC no longer matches
    (tmp_path / "bad.png").write_bytes(bytes(data))
    assert error(tmp_path, "bad.png").startswith(
        "notes/cities.md:8:5: error: image file 'bad.png' is a damaged or incomplete PNG image (")


# --- Hostile SVG -----------------------------------------------------------------------------

@pytest.mark.parametrize("body, words", [
    ('<image href="file:///etc/passwd" width="10" height="10"/>',
     "refers to 'file:///etc/passwd' (line 1): a figure must be self-contained (it may only refer to its own "
     "parts, as href=\"#id\"); remove the link, or make the figure without it"),
    ('<image xlink:href="http://example.org/logo.png"/>',
     "refers to 'http://example.org/logo.png' (line 1): a figure must be self-contained (it may only refer to "
     "its own parts, as href=\"#id\"); remove the link, or make the figure without it"),
    ('<use href="other.svg#icon"/>',
     "refers to 'other.svg#icon' (line 1): a figure must be self-contained (it may only refer to its own "
     "parts, as href=\"#id\"); remove the link, or make the figure without it"),
    ('<image href="data:image/png;base64,iVBORw0KGgo="/>',
     "refers to an embedded file (a data: address) (line 1): a figure must be self-contained (it may only "
     "refer to its own parts, as href=\"#id\"); remove the link, or make the figure without it"),
    ("<script>alert(1)</script>",
     "holds a <script> element (line 1), which can run code or show other content: remove it, or export the "
     "figure again without it"),
    ("<foreignObject><p xmlns='http://www.w3.org/1999/xhtml'>x</p></foreignObject>",
     "holds a <foreignObject> element (line 1), which can run code or show other content: remove it, or export "
     "the figure again without it"),
    ('<rect onclick="steal()"/>',
     "has an event handler, onclick=... (line 1), which is code run by a viewer: remove the attribute"),
    ("<rect style=\"fill: url('http://example.org/p.svg#p')\"/>",
     "refers to 'http://example.org/p.svg#p' in url(...) (line 1): a figure must be self-contained (only "
     "url(#id) of its own parts); remove the reference"),
    ('<rect fill="URL(/tmp/pattern.svg#p)"/>',
     "refers to '/tmp/pattern.svg#p' in url(...) (line 1): a figure must be self-contained (only url(#id) of "
     "its own parts); remove the reference"),
    ("<style>@import 'https://example.org/a.css';</style>",
     "imports a style sheet with @import (line 1): remove it; a figure must be self-contained"),
    ("<style>rect { fill: \\75rl(http://example.org/) }</style>",
     "uses CSS escapes (\\) in a style (line 1): write the style without them"),
    ('<a href="https://example.org"><rect/></a>',
     "refers to 'https://example.org' (line 1): a figure must be self-contained (it may only refer to its own "
     "parts, as href=\"#id\"); remove the link, or make the figure without it"),
    ('<set attributeName="href" to="http://example.org/"/>',
     "has an animation that changes a link (line 1): remove the <set> element"),
])
def test_svg_references_and_code_refused(tmp_path, body, words):
    assert error(tmp_path, svg(tmp_path, body=body)) == f"notes/cities.md:8:5: error: image file 'figure.svg' {words}"


def test_svg_onload_on_the_root(tmp_path):
    rel = svg(tmp_path, attrs='viewBox="0 0 4 3" onload="alert(1)"')
    assert error(tmp_path, rel) == ("notes/cities.md:8:5: error: image file 'figure.svg' has an event handler"
                                    ", onload=... (line 1), which is code run by a viewer: remove the attribute")


@pytest.mark.parametrize("prolog", [
    '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
])
def test_svg_dtd_refused_before_parsing(tmp_path, prolog):
    (tmp_path / "figure.svg").write_text('<?xml version="1.0"?>\n' + prolog + "\n" +
                                         SVG.format(attrs='viewBox="0 0 1 1"', body="&xxe;" if "xxe" in prolog else ""))
    assert error(tmp_path, "figure.svg") == (
        "notes/cities.md:8:5: error: image file 'figure.svg' declares a DTD (<!DOCTYPE or <!ENTITY), which can "
        "make the file read other files: delete that declaration (an SVG does not need it), or export the SVG "
        "again")


def test_svg_stylesheet_processing_instruction(tmp_path):
    (tmp_path / "figure.svg").write_text('<?xml-stylesheet href="http://example.org/a.css"?>' +
                                         SVG.format(attrs='viewBox="0 0 1 1"', body=""))
    assert error(tmp_path, "figure.svg") == (
        "notes/cities.md:8:5: error: image file 'figure.svg' links a style sheet (<?xml-stylesheet ...?>): "
        "remove the link; a figure must be self-contained")


def test_svg_not_well_formed_or_without_size(tmp_path):
    (tmp_path / "broken.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n</svg>')
    assert error(tmp_path, "broken.svg") == (
        "notes/cities.md:8:5: error: image file 'broken.svg' is not well-formed XML (Opening and ending tag "
        "mismatch: g line 2 and svg, line 3, column 7): export the SVG again")
    assert error(tmp_path, svg(tmp_path, attrs='width="100%"', name="nosize.svg")) == (
        "notes/cities.md:8:5: error: image file 'nosize.svg' has no size (neither a viewBox nor a width and height "
        "in px, pt, mm, cm or in): give the SVG a viewBox, such as viewBox=\"0 0 800 600\" on its <svg> element")
    assert error(tmp_path, svg(tmp_path, attrs='viewBox="0 0 0 10"', name="flat.svg")) == (
        "notes/cities.md:8:5: error: image file 'flat.svg' has a viewBox that is not four numbers with a positive "
        "width and height ('0 0 0 10'): correct it")
    (tmp_path / "plain.svg").write_text('<svg viewBox="0 0 1 1"/>')
    assert error(tmp_path, "plain.svg") == (
        "notes/cities.md:8:5: error: image file 'plain.svg' lacks xmlns=\"http://www.w3.org/2000/svg\" on its "
        "<svg> element: add it, or export the SVG again")


def test_truncated_images_are_refused_after_weasyprint_is_imported(tmp_path):
    """WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES on import; the check must not inherit it."""
    import weasyprint  # noqa: F401
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    photo = _jpeg(400, 300)
    (tmp_path / "cut.jpg").write_bytes(photo[: len(photo) // 2])
    assert "is a damaged or incomplete JPEG image" in error(tmp_path, "cut.jpg")
    assert ImageFile.LOAD_TRUNCATED_IMAGES, "restored for WeasyPrint afterwards"
