"""A note in English with its French, Russian and Chinese versions (tests/meetings/languages), built
and read back: each version's fixed words and dates in the PDF text and the DOCX, its fonts, its
language tags; translations listed once; the old `language:` line and a translation's mistakes."""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from lxml import etree

from conftest import MEETINGS, built, copy_meeting, read_pdf, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STEM = "3b-wetlands"
# What each version prints, in its own words and date forms.
EXPECTED = {
    "en": ["ESCAP/WG(4)/3b", "Distr.: General", "1 October 2024", "Original: English", "UNITED NATIONS",
           "Fourth Meeting of the Working Group on Coastal Wetlands", "30 November-1 December 2024",
           "Bangkok, Thailand", "PROGRAMME MATTERS", "(Item 3 (b) of the provisional agenda)", "Coastal wetlands",
           "Note by the Secretariat", "CONTENTS", "BACKGROUND", "ISSUES FOR CONSIDERATION", "paragraph 1"],
    "fr": ["ESCAP/WG(4)/3b", "Distr. générale", "15 octobre 2024", "Français", "Original : anglais",
           "ORGANISATION DES NATIONS UNIES", "30 novembre-1er décembre 2024", "Bangkok, Thaïlande",
           "QUESTIONS DE PROGRAMME", "(Point 3 b) de l’ordre du jour provisoire)", "Note du secrétariat",
           "TABLE DES MATIÈRES", "GÉNÉRALITÉS", "QUESTIONS À EXAMINER", "paragraphe 1"],
    "ru": ["ESCAP/WG(4)/3b", "Distr.: General", "15 October 2024", "Russian", "Original: English",
           "ОРГАНИЗАЦИЯ ОБЪЕДИНЕННЫХ НАЦИЙ", "30 ноября – 1 декабря 2024 года", "Бангкок, Таиланд",
           "ПРОГРАММНЫЕ ВОПРОСЫ", "(Пункт 3 b) предварительной повестки дня)", "Записка секретариата",
           "СОДЕРЖАНИЕ", "ОБЩИЕ СВЕДЕНИЯ", "ВОПРОСЫ ДЛЯ РАССМОТРЕНИЯ", "пункт 1"],
    "zh": ["ESCAP/WG(4)/3b", "Distr.: General", "15 October 2024", "Chinese", "Original: English", "联合国",
           "沿海湿地工作组第四次会议", "2024年11月30日至12月1日", "泰国曼谷", "方案问题", "（临时议程项目3(b)）",
           "秘书处的说明", "目录", "背景", "供审议的问题", "第1段"],
}
PDF_LANG = {"en": "en", "fr": "fr", "ru": "ru", "zh": "zh-CN"}
DOCX_LANG = {"en": ("en-GB", "en-GB"), "fr": ("fr-FR", "en-GB"), "ru": ("ru-RU", "en-GB"), "zh": ("en-GB", "zh-CN")}


def _name(code: str) -> str:
    return STEM if code == "en" else f"{STEM}.{code}"


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    return built(tmp_path_factory, MEETINGS / "languages", "languages")


def _pdf_text(path: Path) -> str:
    return "\n".join(page.text for page in read_pdf(path))


def _docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("code", list(EXPECTED))
def test_each_version_prints_its_words_and_dates(build: Path, code: str):
    # the no-break space of dates read as a space
    pdf = _pdf_text(build / f"{_name(code)}.pdf").replace("\u00a0", " ")
    words = _docx_text(build / f"{_name(code)}.docx").replace("\u00a0", " ")
    for text in EXPECTED[code]:
        assert text in pdf, (code, text)
        assert text in words, (code, text)
    others = [t for c, texts in EXPECTED.items() if c != code for t in texts
              if not any(t in mine or mine in t for mine in EXPECTED[code])]
    assert not [t for t in others if t in pdf], code  # no word of another language's table


def _pdf_fonts(path: Path) -> set[str]:
    fonts = set()
    for page in pypdf.PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return fonts


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("code", list(EXPECTED))
def test_the_pdf_fonts_and_language(build: Path, code: str):
    path = build / f"{_name(code)}.pdf"
    fonts = _pdf_fonts(path)
    assert pypdf.PdfReader(path).trailer["/Root"]["/Lang"] == PDF_LANG[code]
    assert any(f.startswith("Liberation-Serif") for f in fonts), fonts  # Latin (and Cyrillic) in the serif
    if code == "zh":
        assert any(f.startswith("Noto-Serif-CJK-SC") for f in fonts), fonts
    else:
        assert not any("CJK" in f for f in fonts), fonts
    chars = [c for page in read_pdf(path) for c in page.chars if c["text"].strip()]
    for char in chars:
        han = "\u4e00" <= char["text"] <= "\u9fff" or "\uff00" <= char["text"] <= "\uffef"
        if han:
            assert "Noto-Serif-CJK-SC" in char["fontname"], char["text"]
        elif char["text"].isalpha():  # Latin and Cyrillic letters
            assert "Liberation-Serif" in char["fontname"], (char["text"], char["fontname"])


@pytest.mark.slow
@pytest.mark.office
def test_chinese_lines_never_start_with_closing_punctuation_nor_are_spread(build: Path):
    pages = read_pdf(build / f"{STEM}.zh.pdf")
    lines = [line for page in pages for line in page.lines]
    assert len(lines) > 20
    assert not [line["text"] for line in lines if line["text"][:1] in "，。、；：？！）」》"]
    han = 0
    for line in lines:  # no space added between two Han characters to fill a line
        for left, right in itertools.pairwise(line["chars"]):
            if "\u4e00" <= left["text"] <= "\u9fff" and "\u4e00" <= right["text"] <= "\u9fff":
                han += 1
                assert abs(right["x0"] - left["x1"]) < 0.5, (line["text"], right["x0"] - left["x1"])
    assert han > 100


def _xml(path: Path, part: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(part))


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("code", list(EXPECTED))
def test_the_docx_language_and_fonts(build: Path, code: str):
    path = build / f"{_name(code)}.docx"
    styles = _xml(path, "word/styles.xml")
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    lang = defaults.find(f"{W}lang")
    assert (lang.get(f"{W}val"), lang.get(f"{W}eastAsia")) == DOCX_LANG[code]
    fonts = defaults.find(f"{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Times New Roman"
    justified = [jc for jc in styles.iter(f"{W}jc") if jc.get(f"{W}val") == "both"]
    if code == "zh":
        assert fonts.get(f"{W}eastAsia") == "Noto Serif CJK SC"
        assert not justified  # Word would spread Han characters to justify
    else:
        assert fonts.get(f"{W}eastAsia") != "Noto Serif CJK SC"
        assert justified
    assert docx.Document(str(path)).core_properties.language == PDF_LANG[code]


LABELS = {"en": ("(a)", "(b)"), "fr": ("a)", "b)"), "ru": ("a)", "b)"), "zh": ("(a)", "(b)")}


@pytest.mark.slow
@pytest.mark.office
@pytest.mark.parametrize("code", list(EXPECTED))
def test_sub_items_are_lettered_as_the_language_does(build: Path, code: str):
    """The considerations' items: (a), (b) in English and Chinese, a), b) in French and Russian,
    printed in the PDF and numbered so by Word in the DOCX (its list's level text)."""
    labels = [line.split()[0] for line in _pdf_text(build / f"{_name(code)}.pdf").splitlines() if line.strip()]
    first, second = LABELS[code]
    assert first in labels and second in labels, code
    others = {label for c, pair in LABELS.items() if pair != LABELS[code] for label in pair}
    assert not others & set(labels), code
    numbering = _xml(build / f"{_name(code)}.docx", "word/numbering.xml")
    for fmt, level in (("lowerLetter", "%2"), ("lowerRoman", "%3")):  # (a) and under it (i)
        texts = {lvl.find(f"{W}lvlText").get(f"{W}val") for lvl in numbering.iter(f"{W}lvl")
                 if lvl.find(f"{W}numFmt").get(f"{W}val") == fmt}
        assert texts == {first.replace("a", level)}, (code, fmt, texts)


@pytest.mark.slow
@pytest.mark.office
def test_a_meeting_held_in_french_letters_its_agenda_and_annotations_a_b(tmp_path: Path):
    """Agenda sub-items and the lists of an item's annotation, in both formats: Word numbers them
    as the model letters them (the DOCX is refused otherwise), a) in a French meeting."""
    meeting = copy_meeting("basic", tmp_path)
    yaml = meeting / "meeting.yaml"
    yaml.write_text(yaml.read_text().replace(
        '    title: Other matters\n',
        '    title: Other matters\n    annotation: |\n      The Meeting may wish to:\n\n'
        '      1. take note of the reports;\n      2. agree on the next steps.\n') + "language: fr\n")
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--out", out)
    assert result.exit_code == 0, result.stderr
    agenda = _pdf_text(out / "provisional-agenda.pdf")
    annotated = _pdf_text(out / "annotated-agenda.pdf")
    assert re.search(r"^a\) Air pollution;$", agenda, re.M) and "(a)" not in agenda
    assert re.search(r"^a\) take note of the reports;$", annotated, re.M) and "(a)" not in annotated
    for stem in ("provisional-agenda", "annotated-agenda"):
        numbering = _xml(out / f"{stem}.docx", "word/numbering.xml")
        assert {lvl.find(f"{W}lvlText").get(f"{W}val") for lvl in numbering.iter(f"{W}lvl")
                if lvl.find(f"{W}numFmt").get(f"{W}val") == "lowerLetter"} == {"%2)"}


REPORT = """---
kind: report
date: 2024-12-01
adopted: 2024-12-01
distribution: General
symbol: ESCAP/WG(4)/REP
---

# 1

The meeting was opened.

# 2

The agenda was adopted.

# 3

## 3 (a)

The Working Group heard about migratory birds.

## 3 (b)

The Working Group heard about coastal wetlands.

# 4

None.
"""


@pytest.mark.slow
def test_a_translated_report_letters_its_sub_items_in_its_own_language(tmp_path: Path):
    """The report's "## 3 (a)" sections, headed (a) in English and a) in its French version."""
    meeting = copy_meeting("languages", tmp_path)
    (meeting / "notes" / "report.md").write_text(REPORT, encoding="utf-8")
    french = REPORT.replace("symbol: ESCAP/WG(4)/REP\n", "").replace("distribution: General\n", "")
    (meeting / "notes" / "report.fr.md").write_text(french, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--out", out, "--format", "pdf")
    assert result.exit_code == 0, result.stderr
    english, translated = _pdf_text(out / "report.pdf"), _pdf_text(out / "report.fr.pdf")
    assert re.search(r"^\(a\) Migratory birds$", english, re.M) and re.search(r"^\(b\) ", english, re.M)
    assert re.search(r"^a\) \S", translated, re.M) and re.search(r"^b\) \S", translated, re.M)
    assert not re.search(r"^\([ab]\) ", translated, re.M)


@pytest.mark.slow
@pytest.mark.office
def test_translations_share_the_symbol_and_are_listed_once(build: Path):
    listing = _pdf_text(build / "list-of-documents.pdf")
    assert listing.count("ESCAP/WG(4)/3b") == 1
    assert "Zones humides" not in listing and "沿海湿地" not in listing
    annotated = _pdf_text(build / "annotated-agenda.pdf")
    assert annotated.count("ESCAP/WG(4)/3b") == 1
    # the agenda documents are issued in English only
    for stem in ("provisional-agenda", "annotated-agenda", "list-of-documents"):
        assert "English only" in _pdf_text(build / f"{stem}.pdf").splitlines()
    names = sorted(p.name for p in build.glob(f"{STEM}*.pdf"))
    assert names == [f"{STEM}.fr.pdf", f"{STEM}.pdf", f"{STEM}.ru.pdf", f"{STEM}.zh.pdf"]


@pytest.mark.slow
def test_a_version_missing_drops_original_for_only(tmp_path: Path):
    meeting = copy_meeting("languages", tmp_path)
    (meeting / "notes" / f"{STEM}.fr.md").unlink()
    (meeting / "notes" / f"{STEM}.ru.md").unlink()
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--out", out, "--format", "pdf")
    assert result.exit_code == 0, result.stderr
    for code in ("en", "zh"):
        lines = _pdf_text(out / f"{_name(code)}.pdf").splitlines()
        assert "Chinese and English only" in lines and "Original: English" not in lines, code


def _check(meeting: Path) -> list[str]:
    result = run_cli("check", meeting)
    return [line for line in result.stderr.splitlines() if ": error: " in line]


def test_a_translation_needs_its_original_and_keeps_its_symbol(tmp_path: Path):
    meeting = copy_meeting("languages", tmp_path)
    notes = meeting / "notes"
    (notes / f"{STEM}.fr.md").rename(notes / "other.fr.md")
    ru = notes / f"{STEM}.ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("date:", "symbol: ESCAP/WG(4)/9\ndate:", 1), encoding="utf-8")
    zh = notes / f"{STEM}.zh.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace("date:", "language: ru\ndate:", 1), encoding="utf-8")
    errors = _check(meeting)
    assert any(e.startswith("notes/other.fr.md:1:1: error: a translation needs its original notes/other.md")
               for e in errors), errors
    assert any(re.match(r"notes/3b-wetlands\.ru\.md:3:9: error: a translation has its original's symbol "
                        r"\(ESCAP/WG\(4\)/3b\)", e) for e in errors), errors
    assert any(e.startswith("notes/3b-wetlands.zh.md:3:11: error: the file name says Chinese") for e in errors), errors


def test_a_translation_needs_the_meeting_words_in_its_language(tmp_path: Path):
    meeting = copy_meeting("languages", tmp_path)
    yaml = meeting / "meeting.yaml"
    text = yaml.read_text(encoding="utf-8")
    text = text.replace('      "3": Программные вопросы\n', "")
    start = text.index("  zh:\n")
    yaml.write_text(text[:start] + text[text.index("agenda:\n  - number"):], encoding="utf-8")
    errors = _check(meeting)
    assert any(e.startswith("notes/3b-wetlands.zh.md:1:1: error: meeting.yaml gives the meeting's title, venue and "
                            "organization in English only: add 'translations: zh:'") for e in errors), errors
    assert any(e.startswith("notes/3b-wetlands.ru.md:1:1: error: meeting.yaml 'translations: ru: agenda:' has no "
                            "title for item 3") for e in errors), errors
