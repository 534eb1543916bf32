"""A loaded meeting -> the preflight's warnings on every PDF as it would be laid out, and the PDF
page breaks its DOCX does not share (`toolkit check --layout`); nothing is written.

The PDFs are laid out and not written (render/pdf's note_layout); the DOCX files are drafted
and laid out together in one LibreOffice run, as the build lays them out for their contents.
"""

from __future__ import annotations

from pathlib import Path

from toolkit import TEMPLATES
from toolkit.errors import Diagnostic, Diagnostics, Position
from toolkit.model.build import LoadedMeeting
from toolkit.pipeline.counting import with_lines
from toolkit.pipeline.jobs import plan
from toolkit.pipeline.worker import REFERENCE_DOCX, _environment, run_preflight


def check_layout(loaded: LoadedMeeting, templates: Path = TEMPLATES, soffice: str | None = "auto",
                 progress=None) -> list[Diagnostic]:
    """Every warning (and error, when a document cannot be laid out) of the layout check, in
    document order. soffice: the LibreOffice program, "auto" to look for it, None to skip the DOCX."""
    from toolkit.preflight import docx_breaks
    from toolkit.render import office
    from toolkit.render.docx import draft
    from toolkit.render.pdf import note_layout

    diags = Diagnostics()
    env = _environment(templates)
    laid_out = []
    jobs = [job for job in plan(loaded) if "pdf" in job.formats and job.changes is None]
    for done, job in enumerate(jobs, 1):
        job = with_lines(job, templates, loaded.root)
        layout = note_layout(job.document, env, templates, loaded.root, diags)
        if progress:
            progress(done, len(jobs), job.output("pdf"))
        if layout is None:
            continue
        run_preflight(job, layout, diags)
        if soffice is not None:
            made = draft(job.document, templates / REFERENCE_DOCX, diags, meeting_root=loaded.root)
            if made is not None:
                laid_out.append((job, layout, made.docx))
    program = office.find() if soffice == "auto" else soffice
    if laid_out and program is None:
        diags.warning(Position(loaded.meeting.source, 1), "the DOCX page breaks were not compared with the PDF's: "
                                                          "LibreOffice (soffice or libreoffice) is not installed")
    elif laid_out and program is not None:
        try:
            pdfs = office.convert([docx for _, _, docx in laid_out], program)
        except office.OfficeError as exc:
            diags.warning(Position(loaded.meeting.source, 1), f"the DOCX page breaks were not compared: {exc}")
            pdfs = []
        for (job, layout, _), pdf in zip(laid_out, pdfs, strict=False):
            for where, page, message in docx_breaks(job.document, layout, pdf):
                diags.warning(where, f"page {page}: {message} (in {job.output('pdf')})")
    return diags.items
