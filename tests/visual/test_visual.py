"""Every page of the sample meeting, PDF and DOCX, against the committed reference pictures.

A deliberate change of layout draws them again: .venv/bin/python tests/visual/update.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import REFERENCE, compare, differs, draw_build, png, write_diffs  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.visual, pytest.mark.office]

DIFFS = Path(__file__).resolve().parents[2] / "build" / "visual-diff"


@pytest.fixture(scope="module")
def pictures(sample_build: Path):
    return draw_build(sample_build)


def test_every_page_matches_its_reference_picture(pictures):
    assert any(REFERENCE.glob("pdf/*.png")) and any(REFERENCE.glob("docx/*.png")), \
        "no reference pictures: run .venv/bin/python tests/visual/update.py"
    differences = compare(pictures)
    if differences:
        write_diffs(pictures, differences, DIFFS)
        listing = "\n".join(f"  {d.name}: {d.why}" for d in differences)
        pytest.fail(f"{len(differences)} page(s) differ from tests/visual/reference (pictures in {DIFFS}):\n"
                    f"{listing}\nIf the change is deliberate: .venv/bin/python tests/visual/update.py")


def test_both_formats_of_every_document_are_covered(pictures):
    for fmt in ("pdf", "docx"):
        stems = {name.split("/")[1].rsplit("-p", 1)[0] for name in pictures if name.startswith(fmt + "/")}
        assert {"5d-low-carbon-cities", "list-of-documents", "report", "provisional-agenda"} <= stems


def test_a_moved_line_or_a_changed_word_is_seen_and_rounding_is_not(pictures):
    name = "pdf/5d-low-carbon-cities-p2.png"
    page = pictures[name]
    assert differs(page, page.copy()) is None
    # One word struck through, as a changed word would change the pixels.
    word = page.copy()
    ImageDraw.Draw(word).rectangle((100, 200, 130, 205), fill=0)
    assert differs(word, page) is not None
    # The page moved down by one line (3 pixels at this size is about 5 points).
    moved = Image.new("L", page.size, 255)
    moved.paste(page.crop((0, 0, page.size[0], page.size[1] - 3)), (0, 3))
    assert differs(moved, page) is not None
    # Greys shifted slightly, as another rasterizer's antialiasing would.
    shaded = page.point(lambda level: min(255, level + 20))
    assert differs(shaded, page) is None


def test_a_missing_or_extra_page_is_reported(pictures, tmp_path: Path):
    reference = tmp_path / "reference"
    some = dict(list(pictures.items())[:3])
    for name, picture in some.items():
        (reference / name).parent.mkdir(parents=True, exist_ok=True)
        (reference / name).write_bytes(png(picture))
    fewer = dict(list(some.items())[:2])
    extra = {**some, "pdf/new-p1.png": next(iter(some.values()))}
    assert [d.name for d in compare(fewer, reference)] == [list(some)[2]]
    assert [d.name for d in compare(extra, reference)] == ["pdf/new-p1.png"]
