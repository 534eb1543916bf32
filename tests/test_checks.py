"""The warnings of `toolkit check` (deadline, previous meeting, word limit), the hard size,
and the command line's -v word counts, --only an annex, and `build .`."""

from __future__ import annotations

import pytest

import os
import shutil
from pathlib import Path

from conftest import SAMPLE, copy_meeting, run_cli

NOTE = "---\nitem: 2 (b)\ntitle: T\ndate: {date}\n---\n{body}\n"


def _meeting(tmp_path: Path, short_title: str = "SOM-27", extra: str = "") -> Path:
    meeting = copy_meeting("basic", tmp_path)
    yaml = meeting / "meeting.yaml"
    text = yaml.read_text().replace("short_title: SOM-T", f"short_title: {short_title}{extra}")
    yaml.write_text(text.replace("(SOM-T)", f"({short_title})"))
    return meeting


def _check(meeting: Path, body: str, date: str = "2023-10-06") -> tuple[int, list[str], list[str]]:
    (meeting / "notes" / "cities.md").write_text(NOTE.format(date=date, body=body))
    shutil.rmtree(meeting / "annexes", ignore_errors=True)  # the note names none: they would be warned of
    result = run_cli("check", meeting)
    lines = result.stderr.splitlines()
    return (result.exit_code, [line for line in lines if ": warning: " in line],
            [line for line in lines if ": error: " in line])


def test_sample_meeting_checks_clean():
    result = run_cli("check", SAMPLE)
    assert result.exit_code == 0 and result.stderr == "", result.stderr


def test_previous_meeting_named_as_current_is_a_warning(tmp_path: Path):
    code, warnings, _ = _check(_meeting(tmp_path), "The Meeting may wish to approve the plan for SOM-26 to 2024.")
    assert code == 0
    assert warnings == ["notes/cities.md:6:46: warning: 'SOM-26' is the previous meeting: if this means the current "
                        "one, write SOM-27 (or {{ meeting.short_title }}); a mention of the past is recognized by "
                        "a word such as 'since' or 'held' in its sentence"]


def test_previous_meeting_named_as_the_past_is_not(tmp_path: Path):
    body = ("Since SOM-26, the Secretariat has worked on it. SOM-26, held in Tokyo, approved the plan. "
            "Between SOM-26 and {{ meeting.short_title }} two forums met. SOM-250 is no meeting.")
    assert _check(_meeting(tmp_path), body)[1] == []


def test_previous_year_beside_the_current_meeting_is_a_warning(tmp_path: Path):
    body = "SOM-27, to be held in Seoul in November 2022, will review it. SOM-26 was held in 2022."
    warnings = _check(_meeting(tmp_path), body)[1]
    assert warnings == ["notes/cities.md:6:41: warning: 2022 beside SOM-27, which starts on 2023-11-30: a date left "
                        "from the previous meeting?"]


def test_late_document_is_a_warning_and_the_deadline_can_be_given(tmp_path: Path):
    meeting = _meeting(tmp_path)
    code, warnings, errors = _check(meeting, "Text.", date="2023-10-20")  # six weeks before 2023-11-30: 10-19
    assert code == 0 and errors == []
    assert warnings == ["notes/cities.md:4:7: warning: dated 2023-10-20, later than the documentation deadline "
                        "2023-10-19 (6 weeks before the meeting starts)"]
    yaml = meeting / "meeting.yaml"
    yaml.write_text(yaml.read_text().replace("start: 2023-11-30", "start: 2023-11-30\ndeadline: 2023-10-25"))
    assert _check(meeting, "Text.", date="2023-10-20")[1] == []
    assert _check(meeting, "Text.", date="2023-10-26")[1] == [
        "notes/cities.md:4:7: warning: dated 2023-10-26, later than the documentation deadline 2023-10-25 "
        "(deadline in meeting.yaml)"]


def test_word_limit_is_a_warning_and_check_v_prints_the_counts(tmp_path: Path):
    meeting = _meeting(tmp_path, extra="\nword_limit: 40")
    body = "# Background\n\n" + "Twelve words: 1 2 3 4 5 6 7 8 9 10.[^n]\n\n" * 4 + "[^n]: A footnote of five words."
    code, warnings, _ = _check(meeting, body)
    # title 1 + heading 1 + 4 paragraphs of 12 words + footnote 5 = 55
    assert code == 0 and warnings == [
        "notes/cities.md:1:1: warning: 55 words, more than the word limit of 40 (word_limit in meeting.yaml): "
        "shorten the document, or move material into an information document"]
    result = run_cli("check", "-v", meeting)
    assert "cities: 55 words (limit 40)" in result.stdout.splitlines()


def test_a_source_past_the_hard_size_is_refused_before_it_is_parsed(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    # 240,000 words and the front matter
    paragraphs = "".join(f"Paragraph {n} of a pasted file.\n\n" for n in range(40_000))
    code, _, errors = _check(meeting, paragraphs)
    assert code == 1
    assert errors == ["notes/cities.md:1:1: error: the file has 240,009 words, more than ten times the word limit "
                      "(85,000): a document this long cannot be a meeting document; was something pasted into it "
                      "by mistake?"]


@pytest.mark.slow
def test_only_names_an_annex_and_a_miss_is_a_usage_error(tmp_path: Path):
    meeting = copy_meeting("basic", tmp_path)
    out = tmp_path / "out"
    result = run_cli("build", meeting, "--format", "pdf", "--out", out, "--only", "cities-annex-II")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.glob("*.pdf")) == ["cities-annex-II.pdf"]
    result = run_cli("build", meeting, "--format", "pdf", "--out", out, "--only", "cities-annex-IX")
    assert result.exit_code == 2
    assert "--only cities-annex-IX: no document or agenda item of the meeting matches; did you mean " \
           "'cities-annex-I'?\n--only accepts 2, 2b, annotated-agenda, cities, cities-annex-I, cities-annex-II, " \
           "list-of-documents, provisional-agenda" \
           in result.stderr


@pytest.mark.slow
def test_build_dot_writes_beside_the_meeting_folder(tmp_path: Path, monkeypatch):
    meeting = copy_meeting("basic", tmp_path)
    before = sorted(p.relative_to(meeting) for p in meeting.rglob("*"))
    monkeypatch.chdir(meeting)
    result = run_cli("build", ".", "--format", "pdf")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "build" / "basic" / "cities.pdf").is_file()
    assert sorted(p.relative_to(meeting) for p in meeting.rglob("*")) == before, "nothing written into the sources"
    result = run_cli("build", ".", "--out", "notes/out")
    assert result.exit_code == 2 and "inside the meeting folder" in result.stderr
    assert not (meeting / "notes" / "out").exists()
    os.chdir(tmp_path)


def test_the_previous_venue_written_as_this_meetings_is_a_warning(tmp_path: Path):
    meeting = _meeting(tmp_path, extra="\nprevious_venue: Seoul, Republic of Korea")
    body = ("SOM-27 will be held in Seoul. The forum met in Seoul in 2022, and the Seoul office helped. "
            "The next forum is to be held in Seoul.")
    code, warnings, _ = _check(meeting, body)
    assert code == 0
    assert [w.split(": warning: ")[0] for w in warnings] == ["notes/cities.md:6:24", "notes/cities.md:6:124"]
    assert all("Seoul is where the previous meeting was held (previous_venue); this meeting is in Virtual meeting"
               in w for w in warnings)


def test_roll_records_the_previous_venue_for_check(tmp_path: Path):
    result = run_cli("roll", SAMPLE, tmp_path / "som-27")
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "som-27" / "meeting.yaml").read_text()
    assert text.endswith("previous_venue: Seoul, Republic of Korea  # where SOM-26 was held\n")
