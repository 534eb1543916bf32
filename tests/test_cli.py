"""The command line, end to end: exit codes, messages, and nothing replaced on failure."""

from __future__ import annotations

import pytest

import os
from pathlib import Path

from conftest import MEETINGS, copy_meeting, read_pdf, run_cli


def test_check_ok():
    result = run_cli("check", MEETINGS / "basic")
    assert result.exit_code == 0
    assert "meeting and 1 note(s) are valid" in result.stdout


@pytest.mark.slow
@pytest.mark.office
def test_build_writes_every_document(basic_build: Path):
    documents = ["annotated-agenda", "cities-annex-I", "cities-annex-II", "cities", "list-of-documents",
                 "provisional-agenda"]
    assert sorted(p.name for p in basic_build.iterdir() if not p.name.startswith(".")) == sorted(
        [f"{d}.{fmt}" for d in documents for fmt in ("pdf", "docx")] + ["manifest.json"])


@pytest.mark.slow
@pytest.mark.office
def test_default_output_folder(tmp_path: Path, monkeypatch):
    meeting = copy_meeting("basic", tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run_cli("build", meeting)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "build" / "basic" / "cities.pdf").is_file()


@pytest.mark.slow
@pytest.mark.office
def test_source_error_exits_1_and_replaces_nothing(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    out = tmp_path / "out"
    assert run_cli("build", meeting, "--out", out).exit_code == 0
    before = (out / "cities.pdf").read_bytes()
    stamp = os.stat(out / "cities.pdf").st_mtime_ns
    note = meeting / "notes" / "cities.md"
    note.write_text(note.read_text().replace("date: 2023-10-06", "date: 2023-02-30"))
    result = run_cli("build", meeting, "--out", out)
    assert result.exit_code == 1
    assert result.stderr.startswith("notes/cities.md:4:7: error: impossible date '2023-02-30'")
    assert "Traceback" not in result.stderr
    assert (out / "cities.pdf").read_bytes() == before and os.stat(out / "cities.pdf").st_mtime_ns == stamp
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp")), "no temporary file left behind"


def test_every_problem_is_reported_at_once(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    note = meeting / "notes" / "cities.md"
    text = note.read_text().replace("date: 2023-10-06", "date: 2023-13-01").replace("item: 2(b)", "item: 9")
    note.write_text(text.replace("[^two]: The second footnote.", ""))
    errors = run_cli("check", meeting).stderr.splitlines()
    assert [e.split(": error:")[0] for e in errors] == [
        "notes/cities.md:2:7", "notes/cities.md:4:7", "notes/cities.md:23:74"]


def test_usage_errors_exit_2(tmp_path: Path):
    assert run_cli("build").exit_code == 2
    assert run_cli("build", tmp_path / "missing").exit_code == 2
    assert run_cli("frobnicate").exit_code == 2


def test_not_a_meeting_folder_exits_1(tmp_path: Path):
    result = run_cli("check", tmp_path)
    assert result.exit_code == 1 and "has no meeting.yaml" in result.stderr


def test_help_for_every_command():
    for args in (["--help"], ["check", "--help"], ["build", "--help"]):
        result = run_cli(*args)
        assert result.exit_code == 0 and "meeting" in result.stdout.lower()


@pytest.mark.slow
def test_glyph_no_font_has_is_an_error_naming_the_note(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    note = meeting / "notes" / "cities.md"
    note.write_text(note.read_text().replace("First paragraph", "First \U0010FFFD paragraph"))
    result = run_cli("build", meeting, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.startswith("notes/cities.md:21:7: error: no installed font can print U+10FFFD")
    assert "failed: cities.pdf" in result.stderr
    assert not (tmp_path / "out" / "cities.pdf").exists()


@pytest.mark.slow
@pytest.mark.office
def test_multilingual_fixture_uses_real_glyphs(tmp_path: Path):
    out = tmp_path / "out"
    assert run_cli("build", MEETINGS / "multilingual", "--out", out).exit_code == 0
    chars = [c for page in read_pdf(out / "names.pdf") for c in page.chars]
    fonts = {c["text"]: c["fontname"] for c in chars}
    assert "CJK-KR" in fonts["서"] and "CJK-SC" in fonts["北"] and "CJK-JP" in fonts["と"]
    assert "CJK-JP" in fonts["東"], "Han next to kana is Japanese"
    assert "Liberation-Serif" in fonts["л"] and "Liberation-Serif" in fonts["В"]


@pytest.mark.slow
@pytest.mark.office
def test_basic_fixture_pdf_reads_right(basic_build: Path):
    pages = read_pdf(basic_build / "cities.pdf")
    text = "\n".join(p.text for p in pages)
    flat = " ".join(text.split())
    assert "Cities of SOM-T" in flat
    assert "(A sub-heading)" in flat
    assert "<script>alert(1)</script> stays text" in flat
    assert "6. The Meeting may wish to approve the plan (Annex II)." in flat
    assert "second one.2" in flat and "note again1" in flat  # the repeated call shows the same number
    annex2 = next(p for p in pages if "Annex II" in p.text.split("\n")[:3])
    assert "The plan of work, from the annex itself" in annex2.text
    assert "1. An unnumbered" not in annex2.text


def test_python_dash_m_toolkit():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "toolkit", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "toolkit check" in result.stdout
