"""A corrigendum as the model made it -> the same corrigendum with the line of the issued PDF in each
place ("Paragraph 5, line 3"): a render step, run before the corrigendum is rendered, with the
build's templates (a build with --templates counts the lines its own PDF would have)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from toolkit.model import supplements
from toolkit.pipeline.jobs import Job
from toolkit.revisions.corrections import corrections


def with_lines(job: Job, templates: Path, meeting_root: Path) -> Job:
    """The job with its corrigendum's lines counted; the job as it is when it has none to count or
    the issued note cannot be laid out (the places then name no line)."""
    count = job.count
    if count is None:
        return job
    from toolkit.render.pdf import issued_lines

    lines = issued_lines(count.issued, templates, meeting_root)
    if lines is None:
        return job
    listed = corrections(count.issued, count.current, lines)
    return replace(job, document=supplements.corrigendum(count.current, count.number, count.date, listed))
