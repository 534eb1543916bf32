"""A built PDF -> its pages as PNG images and their text (pdfium), kept by the PDF's content.

pdfium is not thread-safe: every call into it holds one lock. The preview's build writes
PDFs only, which never calls pdfium, so the lock is the only guard needed.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from pathlib import Path

import pypdfium2 as pdfium

SCALE = 1.5  # 108 dots per inch: sharp on a laptop screen, about 20 ms a page
KEEP = 6  # PDFs kept open: the one being read and the ones just before it


class PageImages:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: OrderedDict[str, _Pdf] = OrderedDict()

    def page_png(self, path: Path, number: int) -> bytes | None:
        """Page `number` (from 1) as a PNG, or None when the PDF has no such page."""
        with self._lock:
            pdf = self._get(path)
            if not 1 <= number <= len(pdf.document):
                return None
            if number in pdf.images:
                return pdf.images[number]
            page = pdf.document[number - 1]
            try:
                image = page.render(scale=SCALE).to_pil().copy()  # detached from pdfium's bitmap
            finally:
                page.close()
        out = io.BytesIO()  # compressed outside the lock: the next page is drawn meanwhile
        image.save(out, "PNG", compress_level=1)
        pdf.images[number] = out.getvalue()
        return pdf.images[number]

    def texts(self, path: Path) -> list[str]:
        """The text of each page, lines joined by spaces (what a reader would search for)."""
        with self._lock:
            pdf = self._get(path)
            if pdf.texts is None:
                texts = []
                for index in range(len(pdf.document)):
                    page = pdf.document[index]
                    try:
                        textpage = page.get_textpage()
                        texts.append(" ".join(textpage.get_text_bounded().split()))
                        textpage.close()
                    finally:
                        page.close()
                pdf.texts = texts
            return pdf.texts

    def _get(self, path: Path) -> _Pdf:
        data = path.read_bytes()  # the build replaces files by rename: this is one whole version
        digest = hashlib.sha256(data).hexdigest()
        pdf = self._open.get(digest)
        if pdf is None:
            pdf = _Pdf(pdfium.PdfDocument(data))
            self._open[digest] = pdf
            while len(self._open) > KEEP:
                _, old = self._open.popitem(last=False)
                old.document.close()
        self._open.move_to_end(digest)
        return pdf


class _Pdf:
    def __init__(self, document: pdfium.PdfDocument):
        self.document = document
        self.images: dict[int, bytes] = {}
        self.texts: list[str] | None = None
