"""A Note of the model -> PDF bytes, by the HTML template and WeasyPrint.

The renderer's entry points, as the DOCX renderer's (render/docx/__init__.py): `note_pdf` renders
one note (and, asked, hands back its pages as read from the layout: layout.py); `note_layout` lays a note
out without writing its PDF; `environment` is the templates a build loads once; `issued_lines` lays an issued note out
for a corrigendum's lines (lines.py). Code outside render/ imports these, not the modules under them.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import jinja2

from toolkit.errors import Diagnostics, Position
from toolkit.model.document import Note
from toolkit.render.pdf import archival
from toolkit.render.pdf.attached import AttachmentError, attachment_pdf, embeds_its_fonts, page_count, splice
from toolkit.render.pdf.footnote_check import message, misplaced
from toolkit.render.warnings import weasyprint_warnings
from toolkit.render.pdf.html import TemplateProblem, environment, render_note_html
from toolkit.render.pdf.layout import read_layout
from toolkit.render.pdf.lines import issued_lines
from toolkit.render.layout import Layout

__all__ = ["environment", "issued_lines", "note_layout", "note_pdf"]

STYLESHEET = "note.css"


def _blame(message: str, note: Note, templates: Path) -> Position:
    """Where a WeasyPrint warning points: a template file it names, a style sheet line, or the note."""
    named = re.search(re.escape(templates.resolve().as_uri()) + r"/([^\s'\"]+)", message)
    if named:
        return Position(f"{templates.name}/{named.group(1)}", 1)
    at = re.search(r" at (\d+):(\d+)", message)
    if at:  # CSS parse warnings give the line and column in the style sheet
        return Position(f"{templates.name}/{STYLESHEET}", int(at.group(1)), int(at.group(2)))
    return Position(note.source, 1)


def _attachments(note: Note, root: Path, diags: Diagnostics) -> dict[str, tuple[bytes, int]] | None:
    """Slot key ("annexII", or "document" for an annex issued alone) -> (its PDF, its page count)."""
    wanted = [(a.anchor, a.attachment) for a in note.annexes if a.attachment]
    if note.attachment:
        wanted.append(("document", note.attachment))
    out = {}
    for key, attachment in wanted:
        try:
            data = attachment_pdf(root, attachment)
            out[key] = (data, page_count(data))
        except (AttachmentError, OSError, subprocess.TimeoutExpired) as exc:
            diags.error(Position(attachment.path, 1), str(exc))
            return None
    return out


def _archival(note: Note, attached: dict[str, tuple[bytes, int]], diags: Diagnostics) -> bool:
    """Whether the PDF can claim PDF/A-2a and PDF/UA-1: not when an attached file does not embed its fonts."""
    paths = {a.anchor: a.attachment.path for a in note.annexes if a.attachment}
    if note.attachment:
        paths["document"] = note.attachment.path
    ok = True
    for key, (data, _) in attached.items():
        if not embeds_its_fonts(data):
            diags.warning(Position(paths[key], 1), "this PDF uses fonts it does not embed: the document is "
                          "written without claiming PDF/A-2a and PDF/UA-1 (embed the fonts when saving it as PDF)")
            ok = False
    return ok


def _slots(document, attached: dict[str, tuple[bytes, int]]) -> dict[int, tuple[bytes, int, str]]:
    """The page index of each kept blank page -> the attached page that replaces it, and its Figure's ID."""
    where = {anchor: index for index, page in enumerate(document.pages) for anchor in page.anchors}
    return {where[f"{key}-page-{n}"]: (data, n, f"{key}-page-{n}")
            for key, (data, count) in attached.items() for n in range(count)}


def note_pdf(note: Note, env: jinja2.Environment, templates: Path, meeting_root: Path,
             diags: Diagnostics, layout: list[Layout] | None = None) -> tuple[bytes, int] | None:
    """Renders one note -> (PDF bytes, page count); problems go to diags (naming the note) and give None.
    layout, when given, receives the pages as laid out (for the preflight: toolkit/preflight/).

    The caller has checked that the installed fonts can print every character (glyphs.py)."""
    return _render(note, env, templates, meeting_root, diags, layout, write=True)


def note_layout(note: Note, env: jinja2.Environment, templates: Path, meeting_root: Path,
                diags: Diagnostics) -> Layout | None:
    """Lays one note out as its PDF is, without writing the PDF (`toolkit check --layout`)."""
    layout: list[Layout] = []
    _render(note, env, templates, meeting_root, diags, layout, write=False)
    return layout[0] if layout else None


def _render(note: Note, env: jinja2.Environment, templates: Path, meeting_root: Path, diags: Diagnostics,
            layout: list[Layout] | None, write: bool) -> tuple[bytes, int] | None:
    attached = _attachments(note, meeting_root, diags)
    if attached is None:
        return None
    try:
        html = render_note_html(note, env, {key: count for key, (_, count) in attached.items()}, meeting_root)
    except TemplateProblem as exc:
        diags.error(exc.position, str(exc))
        return None

    from toolkit.render.pdf import tagging
    from toolkit.render.fetcher import RestrictedFetcher
    from toolkit.render.pdf.weasyprint_fix import install

    install()
    tagging.install()
    archival.install()

    fetcher = RestrictedFetcher([templates, meeting_root])
    with weasyprint_warnings() as warnings:
        result = _layout(note, html, templates, fetcher, attached, _archival(note, attached, diags), diags,
                         layout, write)
    for warning in warnings:  # WeasyPrint's warnings are the build's errors
        diags.error(_blame(warning, note, templates), f"PDF layout: {warning}")
    return None if warnings or result is None else result


def _finisher(claims: bool):
    """Tags completed, then the archival metadata (claims: PDF/A-2a and PDF/UA-1 are named)."""
    from toolkit.render.pdf import tagging

    archive = archival.finisher(claims)

    def finish(document, pdf) -> None:
        tagging.finish(pdf)
        archive(document, pdf)

    return finish


def _layout(note: Note, html: str, templates: Path, fetcher, attached, claims: bool,
            diags: Diagnostics, layout: list[Layout] | None = None, write: bool = True) -> tuple[bytes, int] | None:
    import weasyprint  # heavy: imported only when something is rendered

    from toolkit.render.fetcher import RefusedFetch

    try:
        source = weasyprint.HTML(string=html, base_url=templates.resolve().as_uri() + "/", url_fetcher=fetcher)
        document = source.render()
        problems = misplaced(document)  # the fix above should leave none; a layout is never trusted
        for problem in problems:
            diags.error(*message(problem, note.footnotes, note.source))
        if problems:
            return None
        if layout is not None:
            layout.append(read_layout(document))
        if not write:
            return b"", len(document.pages)
        pdf = document.write_pdf(finisher=_finisher(claims), **archival.OPTIONS)
        if attached:
            pdf = splice(pdf, _slots(document, attached))
    except AttachmentError as exc:
        diags.error(Position(note.source, 1), str(exc))
        return None
    except RefusedFetch as exc:  # sources cannot name resources: a template did
        diags.error(Position(f"{templates.name}/{STYLESHEET}", 1), f"{exc} (asked for by the templates)")
        return None
    return pdf, len(document.pages)
