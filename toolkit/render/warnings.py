"""WeasyPrint's warnings, collected while it works (the PDF, and the DOCX's drawn pictures): the toolkit
treats them as errors."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


# Without HarfBuzz's subsetter (Debian's libharfbuzz-subset0) WeasyPrint subsets fonts with
# fontTools and says so for every font of every document: the PDF is right, only larger and
# slower to make. That is one warning for the build (missing_subsetter), never an error.
_NO_SUBSETTER = "Using fontTools instead of HarfBuzz-Subset"
SUBSETTER_PACKAGE = "libharfbuzz-subset0"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(_NO_SUBSETTER):
            self.messages.append(message)


def missing_subsetter() -> str | None:
    """The build's one warning when HarfBuzz's subsetter is not installed."""
    from weasyprint.text import ffi

    if ffi.harfbuzz_subset is not None:
        return None
    return (f"warning: HarfBuzz's font subsetter is not installed, so the PDFs are made with fontTools "
            f"(larger, slower): install the Debian package {SUBSETTER_PACKAGE} (bash setup.sh does)")


@contextmanager
def weasyprint_warnings() -> Iterator[list[str]]:
    """with weasyprint_warnings() as messages: ... -> the warnings WeasyPrint logged inside."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
