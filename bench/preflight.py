"""Benchmark: the typographer's preflight on the sample meeting; prints what reading the layout
and running the rules cost beside laying the documents out.

    .venv/bin/python bench/preflight.py [MEETING]      (the sample: about 20 seconds on two cores)
    .venv/bin/python bench/preflight.py --generated    (bench/run.py's meeting of 53 documents)

Not a test: it prints what it measures. Each document is laid out once by WeasyPrint (not
timed as part of the preflight), then its pages are read from the box tree (render/pdf/layout.py)
and the rules run (toolkit/preflight/), each timed on its own.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]


def main() -> None:
    if sys.argv[1:] == ["--generated"]:
        from meeting import write_meeting

        with tempfile.TemporaryDirectory() as folder:
            generated = Path(folder) / "bench-meeting"
            write_meeting(generated)
            measure(generated)
        return
    measure(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "agendas" / "som-26")


def measure(meeting: Path) -> None:
    import weasyprint

    from toolkit import TEMPLATES
    from toolkit.errors import Diagnostics
    from toolkit.model.build import load
    from toolkit.pipeline.jobs import plan
    from toolkit.preflight import preflight
    from toolkit.render.fetcher import RestrictedFetcher
    from toolkit.render.pdf.html import environment, render_note_html
    from toolkit.render.pdf.layout import read_layout
    from toolkit.render.pdf.weasyprint_fix import install

    install()
    loaded = load(meeting)
    env = environment(TEMPLATES)
    totals = {"layout": 0.0, "read": 0.0, "rules": 0.0}
    pages = warnings = documents = 0
    for job in plan(loaded):
        if "pdf" not in job.formats or job.changes is not None or job.document.attachment:
            continue
        html = render_note_html(job.document, env, {}, meeting)
        started = time.perf_counter()
        document = weasyprint.HTML(string=html, base_url=TEMPLATES.resolve().as_uri() + "/",
                                   url_fetcher=RestrictedFetcher([TEMPLATES, meeting])).render()
        laid = time.perf_counter()
        layout = read_layout(document)
        read = time.perf_counter()
        diags = Diagnostics()
        warnings += preflight(job.document, layout, job.output("pdf"), diags)
        done = time.perf_counter()
        totals["layout"] += laid - started
        totals["read"] += read - laid
        totals["rules"] += done - read
        pages += len(document.pages)
        documents += 1
    cost = totals["read"] + totals["rules"]
    print(f"{meeting.name}: {documents} documents, {pages} pages, {warnings} preflight warning(s)")
    layout = totals["layout"]
    print(f"  WeasyPrint layout (render, not written): {layout:.2f} s ({layout / pages * 1000:.0f} ms a page)")
    print(f"  preflight: reading the pages {totals['read'] * 1000:.0f} ms, the rules {totals['rules'] * 1000:.0f} ms "
          f"({cost / pages * 1000:.1f} ms a page, {cost / totals['layout']:.1%} of the layout)")


if __name__ == "__main__":
    main()
