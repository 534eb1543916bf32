"""An image for a figure (PNG, JPEG, SVG) -> ImageInfo, once it is known to be whole and harmless.

Images come from partner organizations. A PNG or JPEG is checked from its header
(Pillow's Image.open reads the size without decoding the pixels), so a decompression bomb
is refused before anything unpacks it; then it is verified whole. An SVG is a document
that can point at other files and URLs or carry scripts: one that refers to anything
outside itself, or holds scripts or event handlers, is refused, and so is any DTD (before
parsing). The build never follows a reference, so nothing reaches the network.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from toolkit.errors import Diagnostics, Position
from toolkit.sources.meeting_file import read_meeting_file

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # 40 megapixels: a full-page figure at 600 dpi is about 35
SUFFIX_FORMATS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}

_MAGIC = {
    "png": b"\x89PNG\r\n\x1a\n",
    "jpeg": b"\xff\xd8\xff",
    "gif": b"GIF8",
    "pdf": b"%PDF",
    "tiff": b"II*\x00",
    "tiff ": b"MM\x00*",
    "bmp": b"BM",
}
_SVG_NS = "http://www.w3.org/2000/svg"
_REFUSED_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}
_LINK_ATTRIBUTES = {"href", "src"}
_URL = re.compile(r"url\(\s*(['\"]?)\s*([^'\")]*)", re.IGNORECASE)
_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*")
_PIXELS_PER_UNIT = {None: 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}


@dataclass(frozen=True)
class ImageInfo:
    path: str          # meeting-relative
    sha256: str
    format: str        # "png" | "jpeg" | "svg"
    width: float       # pixels (SVG: user units of its viewBox/width), for the aspect ratio
    height: float


def check_image(root: Path, rel: str, pos: Position, diags: Diagnostics) -> ImageInfo | None:
    """ImageInfo for root/rel, or None after one error at `pos` saying what is wrong and what to do.

    width and height are the image as shown: a JPEG turned by its EXIF orientation
    (as cameras save portrait photos) has them swapped."""
    suffix = PurePosixPath(rel).suffix.lower()
    expected = SUFFIX_FORMATS.get(suffix)
    if expected is None:
        diags.error(pos, f"image file {rel!r} must be a PNG, JPEG or SVG image (.png, .jpg, .jpeg, .svg): "
                         "save or export the figure in one of these formats")
        return None
    data = read_meeting_file(root, rel, pos, diags, limit=MAX_IMAGE_BYTES, kind="image file")
    if data is None:
        return None
    if expected == "svg":
        result = _svg_size(data)
    else:
        result = _bitmap_size(data, expected)
    if isinstance(result, str):
        diags.error(pos, f"image file {rel!r} {result}")
        return None
    width, height = result
    return ImageInfo(rel, hashlib.sha256(data).hexdigest(), expected, width, height)


# --- PNG, JPEG -------------------------------------------------------------------------------

def _bitmap_size(data: bytes, expected: str) -> tuple[float, float] | str:
    actual = _sniffed(data)
    if actual != expected:
        return _wrong_content(expected, actual)
    from PIL import Image, ImageFile, UnidentifiedImageError

    pillow_format = expected.upper()
    # WeasyPrint, once imported, tells Pillow to accept truncated images: not while checking them.
    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with warnings.catch_warnings():
            # Pillow warns (and past twice its own limit raises) on large images: the limit here is ours.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[pillow_format]) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return _too_many_pixels(width, height)
                turned = _exif_turned(image) if expected == "jpeg" else False
                image.verify()  # PNG: every chunk and its checksum, up to the end
            if expected == "jpeg":
                _decode_small(data)
    except Image.DecompressionBombError:
        return _too_many_pixels(*_header_size(data, expected))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, struct.error) as exc:
        return (f"is a damaged or incomplete {expected.upper()} image ({_reason(exc)}): export or copy "
                "the image again")
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    if width <= 0 or height <= 0:
        return f"is a {expected.upper()} image with no pixels: export the image again"
    return (float(height), float(width)) if turned else (float(width), float(height))


def _decode_small(data: bytes) -> None:
    """Decodes a JPEG at an eighth of its size (cheap, libjpeg's own scaling): a truncated or
    damaged JPEG raises OSError here, which verify() alone does not notice."""
    from PIL import Image

    with Image.open(io.BytesIO(data), formats=["JPEG"]) as image:
        image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
        image.load()


def _exif_turned(image) -> bool:
    try:
        return image.getexif().get(0x0112) in (5, 6, 7, 8)  # Orientation: turned a quarter
    except Exception:  # noqa: BLE001 - a damaged EXIF block only loses the orientation
        return False


def _header_size(data: bytes, expected: str) -> tuple[int, int]:
    """The size a PNG header declares (for the message when Pillow refused to open it at all)."""
    if expected == "png" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return 0, 0


def _too_many_pixels(width: int, height: int) -> str:
    size = f" ({width:,} × {height:,} pixels)" if width and height else ""
    return (f"has more than {MAX_PIXELS // 1_000_000} million pixels{size}: save it at a lower resolution "
            "(a printed figure needs no more than 300 dots per inch)")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _sniffed(data: bytes) -> str | None:
    for name, magic in _MAGIC.items():
        if data.startswith(magic):
            return name.strip()
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<") and b"<svg" in data[:4096].lower():
        return "svg"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def _wrong_content(expected: str, actual: str | None) -> str:
    suffix = {"png": ".png", "jpeg": ".jpg", "svg": ".svg"}
    if actual in suffix:
        return (f"is a {actual.upper()} image, not {expected.upper()}: rename it to end in "
                f"{suffix[actual]} (or export it again as {expected.upper()})")
    if actual == "html":
        return "is a web page, not an image (saved from a browser?): save the image itself"
    if actual:
        return f"is a {actual.upper()} file, not {expected.upper()}: export it as PNG, JPEG or SVG"
    return f"is not a {expected.upper()} image (its content is something else): export the image again"


# --- SVG -------------------------------------------------------------------------------------

def _svg_size(data: bytes) -> tuple[float, float] | str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "is not UTF-8 text: export the SVG again (SVG files are saved as UTF-8)"
    lowered = text.lower()
    if "<!doctype" in lowered or "<!entity" in lowered:
        return ("declares a DTD (<!DOCTYPE or <!ENTITY), which can make the file read other files: "
                "delete that declaration (an SVG does not need it), or export the SVG again")
    if "<?xml-stylesheet" in lowered:
        return "links a style sheet (<?xml-stylesheet ...?>): remove the link; a figure must be self-contained"
    if "<svg" not in lowered:
        return f"is not an SVG image{_other_kind(data)}: export the figure again as SVG"
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             dtd_validation=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return f"is not well-formed XML ({exc.msg}): export the SVG again"
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        return "is not an SVG image (its first element is not <svg>): export the figure again as SVG"
    if etree.QName(root).namespace != _SVG_NS:
        return f"lacks xmlns=\"{_SVG_NS}\" on its <svg> element: add it, or export the SVG again"
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            continue
        problem = _element_problem(element)
        if problem:
            return problem
    return _root_size(root)


def _other_kind(data: bytes) -> str:
    actual = _sniffed(data)
    return f" (it is a {actual.upper()} file)" if actual and actual != "svg" else ""


def _element_problem(element) -> str | None:
    from lxml import etree

    name = etree.QName(element).localname
    line = f" (line {element.sourceline})" if element.sourceline else ""
    if name in _REFUSED_ELEMENTS:
        return (f"holds a <{name}> element{line}, which can run code or show other content: remove it, "
                "or export the figure again without it")
    for key, value in element.attrib.items():
        attribute = etree.QName(key).localname
        if attribute.lower().startswith("on"):
            return (f"has an event handler, {attribute}=...{line}, which is code run by a viewer: "
                    "remove the attribute")
        if attribute in _LINK_ATTRIBUTES and not value.strip().startswith("#"):
            return (f"refers to {_shown(value)}{line}: a figure must be self-contained (it may only refer "
                    "to its own parts, as href=\"#id\"); remove the link, or make the figure without it")
        if attribute == "attributeName" and value.strip().split(":")[-1] in _LINK_ATTRIBUTES:
            return f"has an animation that changes a link{line}: remove the <{name}> element"
        problem = _css_problem(value, line, stylesheet=attribute == "style")
        if problem:
            return problem
    if name == "style":
        return _css_problem("".join(element.itertext()), line, stylesheet=True)
    return None


def _css_problem(css: str, line: str, *, stylesheet: bool) -> str | None:
    """A reference out of the figure in CSS (a style, or any attribute: fill="url(#g)")."""
    if "@import" in css.lower():
        return f"imports a style sheet with @import{line}: remove it; a figure must be self-contained"
    for match in _URL.finditer(css):
        target = match.group(2).strip()
        if not target.startswith("#"):
            return (f"refers to {_shown(target)} in url(...){line}: a figure must be self-contained (only "
                    "url(#id) of its own parts); remove the reference")
    if stylesheet and "\\" in css:  # an escape can spell url( or @import past the checks above
        return f"uses CSS escapes (\\) in a style{line}: write the style without them"
    return None


def _shown(value: str) -> str:
    value = value.strip()
    if value.lower().startswith("data:"):
        return "an embedded file (a data: address)"
    return repr(value if len(value) <= 60 else value[:57] + "...")


def _root_size(root) -> tuple[float, float] | str:
    width, height = _length(root.get("width")), _length(root.get("height"))
    if width and height:
        return width, height
    box = root.get("viewBox")
    if box is not None:
        parts = [p for p in re.split(r"[\s,]+", box.strip()) if p]
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            numbers = []
        if len(numbers) == 4 and numbers[2] > 0 and numbers[3] > 0:
            return numbers[2], numbers[3]
        return f"has a viewBox that is not four numbers with a positive width and height ({box!r}): correct it"
    return ("has no size (neither a viewBox nor a width and height in px, pt, mm, cm or in): give the SVG a "
            "viewBox, such as viewBox=\"0 0 800 600\" on its <svg> element")


def _length(value: str | None) -> float | None:
    if value is None:
        return None
    match = _LENGTH.fullmatch(value)
    if not match:
        return None  # %, em, auto: no size of its own
    number = float(match.group(1)) * _PIXELS_PER_UNIT[match.group(2)]
    return number if number > 0 else None
