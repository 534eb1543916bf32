"""The warm builder: the incremental build, run in this process, turned into a Snapshot.

WeasyPrint, Pango and the fonts are loaded once, when the builder is made; every rebuild
then calls the same `build()` as `toolkit build`, with one job so nothing is forked or
imported again, and writes the same files into the same output folder.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from toolkit.errors import SourceError, ToolkitError
from toolkit.pipeline.build import TEMPLATES, Options, build
from toolkit.preview.snapshot import Problem, Snapshot, documents_in

# The preview shows PDF pages: it builds the PDFs only (the DOCX, laid out by LibreOffice,
# would add seconds to every save). `toolkit build` writes the DOCX when they are wanted.
PREVIEW_FORMATS = ("pdf",)


class WarmBuilder:
    def __init__(self, meeting_dir: Path, out_dir: Path, templates: Path = TEMPLATES):
        import toolkit.render.pdf  # noqa: F401  (WeasyPrint and its text stack, once)

        self.meeting_dir = meeting_dir
        self.out_dir = out_dir
        self.options = Options(formats=PREVIEW_FORMATS, jobs=1, templates=templates)
        self.meeting = meeting_dir.resolve().name
        self._problems: tuple[Problem, ...] = ()

    def rebuild(self, version: int) -> Snapshot:
        """Builds what changed. A source error writes nothing: the last good documents stay shown."""
        built: tuple[str, ...] = ()
        seconds = None
        try:
            report = build(self.meeting_dir, self.out_dir, self.options)
        except SourceError as exc:
            problems = [Problem(str(d), d.severity) for d in exc.diagnostics]
        except ToolkitError as exc:  # the output folder is locked by a build, or cannot be written
            problems = [Problem(exc.format_message(), "error")]
        except Exception as exc:  # a bug: say so in the page and keep watching
            traceback.print_exc(file=sys.stderr)
            problems = [Problem(f"internal error: {type(exc).__name__}: {exc}", "error")]
        else:
            problems = [Problem(str(d), "error") for errors in report.failed.values() for d in errors]
            problems += [Problem(str(w), "warning") for w in report.warnings]
            built = tuple(report.built)
            seconds = round(report.seconds, 3)
        return Snapshot(self.meeting, version, False, documents_in(self.out_dir), tuple(problems), built, seconds)
