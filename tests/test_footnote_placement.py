"""Footnotes on the page of their call, even where WeasyPrint 70 would move them."""

from __future__ import annotations

import pytest

import subprocess
import sys
from pathlib import Path

from conftest import MEETINGS, REPO, read_pdf, run_cli
from pdf_reading import CALL_SIZE, MARKER_SIZE, superscripts

PRESSURE = MEETINGS / "footnote-pressure"  # a generated 11-page note, dense text and nine footnotes

_UNPATCHED = """
import sys
from pathlib import Path
import weasyprint
from toolkit.render.pdf.footnote_check import misplaced
from toolkit.render.pdf.html import environment, render_note_html
from toolkit.model.build import load
templates = Path(sys.argv[2])
note = load(Path(sys.argv[1])).notes[0]
html = render_note_html(note, environment(templates))
document = weasyprint.HTML(string=html, base_url=templates.resolve().as_uri() + "/").render()
print(len(misplaced(document)))
"""


def test_the_fixture_shows_weasyprints_footnote_bug_without_the_fix():
    """If this fails, WeasyPrint no longer moves footnotes: render/pdf/weasyprint_fix.py can go."""
    result = subprocess.run([sys.executable, "-c", _UNPATCHED, str(PRESSURE), str(REPO / "templates")],
                            capture_output=True, text=True, check=True, cwd=REPO)
    assert int(result.stdout) >= 1


@pytest.mark.slow
@pytest.mark.office
def test_every_footnote_on_the_page_of_its_call(tmp_path: Path):
    out = tmp_path / "out"
    result = run_cli("build", PRESSURE, "--out", out, "--only", "note-15")
    assert result.exit_code == 0, result.stderr
    pages = read_pdf(out / "note-15.pdf")
    calls = {s.text: s.page for s in reversed(superscripts(pages, CALL_SIZE))}
    markers = superscripts(pages, MARKER_SIZE)
    assert [m.text for m in markers] == [str(n) for n in range(1, 10)]
    assert {m.text: m.page for m in markers} == {n: calls[n] for n in calls}
