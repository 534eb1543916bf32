"""The footnote stress test: 200 generated notes and one very long one must all build, every
footnote on the page of its call (read back from the PDFs). Seeded: a failure names the note,
which tests/stress/footnote_notes.py writes again alone from the same seed and index.

For a bigger run: .venv/bin/python bench/footnote_stress.py --notes 1500
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import announce, announced
from footnote_notes import write_meeting
from footnote_stress import build_and_check, misplaced_in_pdf

REPO = Path(__file__).resolve().parents[2]
SEED = 2026
NOTES = 200
LONG = {0: 1500}  # index -> paragraphs: some 400 pages, started first so the other notes build beside it
TOOLKIT = [sys.executable, "-m", "toolkit"]

pytestmark = [pytest.mark.slow, pytest.mark.stress]


@pytest.fixture(scope="module")
def stress(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("stress") / "meeting"
    write_meeting(root, SEED, range(NOTES + len(LONG)), LONG)  # notes 1 to 200, and the long note 0
    total = NOTES + len(LONG)
    with announced(f"footnote stress: building {total} generated notes (about four minutes on two idle cores)"):
        return build_and_check(root, root.parent / "out", jobs=2, toolkit=TOOLKIT,
                               progress=lambda done: announce(f"footnote stress: {done} PDFs written so far "
                                                              f"({total} notes and their annexes)"))


def test_every_generated_note_builds(stress):
    assert stress["exit"] == 0, stress["stderr"][-3000:]
    assert stress["pdfs"] >= NOTES + len(LONG)


def test_every_generated_note_passes_the_typographers_preflight(stress):
    """The build runs the preflight on every PDF it lays out and prints each finding as a warning."""
    found = [line for line in stress["stderr"].splitlines() if ": warning: page " in line]
    assert found == [], "\n".join(found[:20])


def test_every_footnote_is_on_the_page_of_its_call(stress):
    assert stress["footnotes"] > 10 * NOTES  # the notes are dense with footnotes: the check saw them
    assert stress["on_last_line"] > NOTES  # and many are called on the last line of their page
    assert stress["problems"] == []


_UNPATCHED = """
import sys
from pathlib import Path
import weasyprint
from toolkit.render.pdf.html import environment, render_note_html
from toolkit.model.build import load
templates = Path(sys.argv[2])
note = load(Path(sys.argv[1])).notes[0]
html = render_note_html(note, environment(templates))
weasyprint.HTML(string=html, base_url=templates.resolve().as_uri() + "/").write_pdf(sys.argv[3])
"""


def test_the_pdf_check_sees_a_footnote_away_from_its_call(tmp_path: Path):
    """WeasyPrint without the toolkit's fix misplaces a footnote of this note: the reader must say so."""
    pdf = tmp_path / "unpatched.pdf"
    subprocess.run([sys.executable, "-c", _UNPATCHED, str(REPO / "tests" / "meetings" / "footnote-pressure"),
                    str(REPO / "templates"), str(pdf)], check=True, cwd=REPO)
    checked = misplaced_in_pdf(pdf)
    assert checked.footnotes == 9
    assert checked.problems and all("called on page" in p for p in checked.problems)
