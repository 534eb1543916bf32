"""The sample note's PDF, read as a reader would: masthead, contents, numbers, footnotes, annexes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SAMPLE, read_pdf
from pdf_reading import (CALL_SIZE, INDENT, LEFT, MARKER_SIZE, contents_entries, heading_pages, near,
                         paragraph_labels, superscripts)
from toolkit.model.document import Paragraph
from toolkit.model.build import load

pytestmark = [pytest.mark.slow, pytest.mark.office]

NOTE = "5d-low-carbon-cities"


@pytest.fixture(scope="module")
def note():
    return next(n for n in load(SAMPLE).notes if n.stem == NOTE)


@pytest.fixture(scope="module")
def pages(sample_build: Path):
    return read_pdf(sample_build / f"{NOTE}.pdf")


def _line_texts(page) -> list[str]:
    return [line["text"] for line in page.lines]


def test_every_document_of_the_sample_is_built(sample_build: Path):
    assert sorted(p.name for p in sample_build.glob("*.pdf")) == [
        "5a-air-pollution-annex-I.pdf", "5a-air-pollution.pdf", f"{NOTE}-annex-I.pdf", f"{NOTE}-annex-II.pdf",
        f"{NOTE}-annex-III.pdf", f"{NOTE}-annex-IV.pdf", f"{NOTE}.pdf", f"{NOTE}.ru.pdf", f"{NOTE}.zh.pdf",
        "7-core-fund-as-corrected.pdf", "7-core-fund-corr1.pdf", "7-core-fund.pdf", "annotated-agenda.pdf",
        "information-note.pdf", "list-of-documents.pdf", "list-of-participants.pdf", "provisional-agenda.pdf",
        "report.pdf"]


def test_masthead_lines_in_order(pages):
    # issued in English, Russian and Chinese, the meeting's languages: "Original: English"
    expected = ["ESCAP/NEASPEC/SOM(26)/5d", "Distr.: Limited", "6 October 2023", "Original: English", "UNITED NATIONS",
                "ECONOMIC AND SOCIAL COMMISSION FOR ASIA AND THE PACIFIC",
                "Twenty-sixth Senior Officials Meeting (SOM-26) of NEASPEC", "23-24 November 2023",
                "Seoul, Republic of Korea", "REVIEW OF PROGRAMME PLANNING AND IMPLEMENTATION",
                "(Item 5 (d) of the provisional agenda)", "Low Carbon Cities", "Note by the Secretariat", "CONTENTS"]
    assert _line_texts(pages[0])[: len(expected)] == expected


def test_masthead_placement(pages):
    page = pages[0]
    width = page.chars[0]["page_width"] if "page_width" in page.chars[0] else 595.28
    by_text = {line["text"]: line for line in page.lines}
    for right in ("Distr.: Limited", "6 October 2023", "Original: English"):
        assert by_text[right]["x0"] > width / 2, f"{right} should stand at the top right"
    for centred in ("UNITED NATIONS", "Seoul, Republic of Korea", "(Item 5 (d) of the provisional agenda)",
                    "Note by the Secretariat"):
        line = by_text[centred]
        assert near((line["x0"] + line["x1"]) / 2, width / 2, 2), f"{centred} should be centred"
    assert all("Bold" in c["fontname"] for c in by_text["Low Carbon Cities"]["chars"])


def test_contents_page_numbers_are_where_chapters_start(pages):
    entries = contents_entries(pages[0])
    assert [title for title, _ in entries] == [
        "I. BACKGROUND", "II. PROGRESS OF THE ACTIVITIES ON LOW CARBON CITIES", "III. ISSUES FOR CONSIDERATION"]
    starts = heading_pages(pages)
    for title, page_number in entries:
        assert starts[title] == page_number, f"{title}: contents says {page_number}, starts on {starts[title]}"
    annex_lines = [t for t in _line_texts(pages[0]) if t.startswith("Annex ")]
    assert annex_lines == [
        "Annex I. Report of the 2nd International Forum on Low Carbon Cities",
        "Annex II. Report of the 3rd International Forum on Low Carbon Cities",
        "Annex III. (draft) Activity plan for low-carbon cities in 2023-2024",
        "Annex IV. Low Carbon Cities Compendium of Best Practices"]


def test_paragraph_numbers_in_order_and_as_the_model_says(pages, note):
    labels = [label for _, label in paragraph_labels(pages)]
    # body and considerations, then each numbered annex from 1 again; annex IV is unnumbered
    expected = [str(b.number) for c in note.chapters for b in c.blocks if isinstance(b, Paragraph)]
    assert expected == [str(n) for n in range(1, 16)]
    for annex in note.annexes:
        expected += [str(b.number) for c in annex.chapters for b in c.blocks
                     if isinstance(b, Paragraph) and b.number is not None]
    assert labels == expected


def test_considerations_are_numbered_on_with_lettered_items(pages):
    text = "\n".join(p.text for p in pages)
    assert re.search(r"III\. ISSUES FOR CONSIDERATION\n14\. The Meeting may wish", text)
    assert re.search(r"\n\(a\) [^\n]+\n(?:[^\n]+\n)*?\(b\) [^\n]+", text)
    flat = " ".join(text.split())
    assert "15. The Meeting may wish to review and approve the proposed activity plan for 2023-2024 (Annex III)." \
        in flat


def test_chapter_headings_and_subheadings(pages):
    lines = [t for p in pages[1:] for t in _line_texts(p)]
    assert "I. BACKGROUND" in lines and "II. PROGRESS OF THE ACTIVITIES ON LOW CARBON CITIES" in lines
    for sub in ("(2nd International Forum on Low Carbon Cities)", "(3rd International Forum on Low Carbon Cities)",
                "(Low Carbon Cities Compendium of Best Practices)"):
        assert sub in lines


def test_hanging_indent(pages):
    page = pages[1]
    first = next(i for i, line in enumerate(page.lines) if line["text"].startswith("1. "))
    label_line, next_line = page.lines[first], page.lines[first + 1]
    words = [c for c in label_line["chars"] if c["x0"] > label_line["x0"] + 15]
    assert near(words[0]["x0"], LEFT + INDENT), "text after the number starts at the indent"
    assert near(next_line["x0"], LEFT + INDENT), "the following lines align with it"


def test_footnotes_at_the_foot_of_the_citing_page(pages, note):
    calls = {s.text: s for s in reversed(superscripts(pages, CALL_SIZE))}  # first call wins
    markers = superscripts(pages, MARKER_SIZE)
    assert [m.text for m in markers] == [str(f.number) for f in note.footnotes], "every footnote printed once"
    for marker in markers:
        call = calls[marker.text]
        assert call.page == marker.page, f"footnote {marker.text}: called on {call.page}, printed on {marker.page}"
        page = pages[marker.page - 1]
        body_tops = [c["top"] for c in page.chars if near(c["size"], 12, 0.3)]
        assert marker.top > max(body_tops), "the footnote stands below the body text"
        rules = [r for r in page.rects if r["height"] < 1 and max(body_tops) < r["top"] < marker.top]
        assert len(rules) == 1, "one rule separates the footnotes from the text"
        assert near(rules[0]["x0"], LEFT) and near(rules[0]["width"], 5 * 72 / 2.54), "a short rule, 5 cm"


def test_each_annex_starts_a_page_under_its_heading(pages, note):
    for annex in note.annexes:
        page = next(p for p in pages[1:] if annex.heading in _line_texts(p))
        lines = _line_texts(page)
        assert lines[0] == "ESCAP/NEASPEC/SOM(26)/5d", "running head"
        assert lines[1] == annex.heading, f"{annex.heading} is the first line of its page"
        assert lines[2].startswith(annex.title[0].text[:20])


def test_page_numbers_from_page_two_and_symbol_in_running_head(pages):
    first = pages[0]
    assert not any(line["text"] == "1" for line in first.lines), "no page number on page 1"
    for page in pages[1:]:
        head, foot = page.lines[0], page.lines[-1]
        assert head["text"] == "ESCAP/NEASPEC/SOM(26)/5d" and head["top"] < LEFT
        assert foot["text"] == str(page.number) and foot["top"] > page.height - LEFT
        width = 595.28
        assert near((foot["x0"] + foot["x1"]) / 2, width / 2, 2), "page number centred"


@pytest.mark.parametrize("sample,font", [("인천", "CJK-KR"), ("上海", "CJK-SC"), ("Улаанбаатар", "Liberation-Serif")])
def test_scripts_set_in_a_font_that_has_them(pages, sample, font):
    chars = [c for p in pages for c in p.chars if c["text"] in sample]
    assert chars, f"{sample} is in the sample note"
    for char in chars:
        assert font in char["fontname"], f"{char['text']} set in {char['fontname']}"
