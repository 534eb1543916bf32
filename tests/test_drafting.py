"""toolkit new, roll and note: placeholders reported at their line until filled; the next meeting rolled forward."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import SAMPLE, copy_meeting, run_cli

from toolkit.drafting.moveon import move_on
from toolkit.model.words import ordinal

FILLED = {
    '"[Title of the meeting, e.g. Twenty-seventh Senior Officials Meeting (SOM-27) of NEASPEC]"':
        "Twenty-seventh Senior Officials Meeting (SOM-27) of NEASPEC",
    '"[Short title, e.g. SOM-27]"': "SOM-27",
    '"[First day of the meeting: YYYY-MM-DD]"': "2024-11-21",
    '"[Last day of the meeting: YYYY-MM-DD]"': "2024-11-22",
    '"[City, country]"': "Ulaanbaatar, Mongolia",
    '"[Symbol of the meeting, e.g. ESCAP/NEASPEC/SOM(27)]"': "ESCAP/NEASPEC/SOM(27)",
}


def _errors(result) -> list[str]:
    return [line.split(": error: ")[0] for line in result.stderr.splitlines() if ": error: " in line]


def _fill(path: Path, pattern: str = r'"?\[[^\]\n]*\]"?', text: str = "Filled in by the drafter.") -> None:
    """Every placeholder left in the file replaced (dates by a date)."""
    def filled(match: re.Match) -> str:
        found = match[0]
        if found in FILLED:
            return FILLED[found]
        return "2024-10-07" if "YYYY-MM-DD" in found else text
    path.write_text(re.sub(pattern, filled, path.read_text(encoding="utf-8")), encoding="utf-8")


def test_new_reports_each_placeholder_at_its_line_until_filled(tmp_path: Path):
    folder = tmp_path / "som-27"
    result = run_cli("new", folder)
    assert result.exit_code == 0, result.stderr
    assert (folder / "notes").is_dir() and (folder / "annexes").is_dir()
    assert not any((folder / "notes").iterdir())
    check = run_cli("check", folder)
    assert check.exit_code == 1
    assert _errors(check) == ["meeting.yaml:6:8", "meeting.yaml:7:14", "meeting.yaml:8:8", "meeting.yaml:9:6",
                              "meeting.yaml:10:8", "meeting.yaml:11:9", "meeting.yaml:15:17", "meeting.yaml:51:17"]
    assert ("meeting.yaml:8:8: error: 'start' is still the placeholder '[First day of the meeting: YYYY-MM-DD]': "
            "replace it with a date written YYYY-MM-DD") in check.stderr
    assert "invalid date" not in check.stderr
    _fill(folder / "meeting.yaml")
    check = run_cli("check", folder)
    assert check.exit_code == 0, check.stderr
    assert "meeting and 0 note(s) are valid" in check.stdout


def test_new_agenda_is_the_standard_som_agenda(tmp_path: Path):
    from toolkit.errors import Diagnostics
    from toolkit.sources.meeting import load_meeting

    assert run_cli("new", tmp_path / "m", "--number", "27").exit_code == 0
    text = (tmp_path / "m" / "meeting.yaml").read_text()
    assert "title: Twenty-seventh Senior Officials Meeting (SOM-27) of NEASPEC\n" in text
    assert "symbol: ESCAP/NEASPEC/SOM(27)\n" in text
    meeting = load_meeting(tmp_path / "m", Diagnostics())
    assert [(item.number, item.title) for item in meeting.agenda] == [
        ("1", "Opening of the meeting"), ("2", "Election of officers"), ("3", "Adoption of the agenda"),
        ("4", "Issues related to sustainable development in North-East Asia"),
        ("5", "Review of programme planning and implementation"), ("6", "Strategic matters"),
        ("7", "Core Fund"), ("8", "Venue and date of the next meeting"), ("9", "Other matters"),
        ("10", "Adoption of the report")]
    assert [sub.key for sub in meeting.agenda[4].subitems] == ["5a", "5b", "5c", "5d", "5e"]
    # ESCAP and its office for East and North-East Asia serve NEASPEC: the list of participants' Secretariat
    assert meeting.secretariat == ("Economic and Social Commission for Asia and the Pacific",
                                   "ESCAP East and North-East Asia Office")


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path):
    (tmp_path / "old.txt").write_text("keep me")
    result = run_cli("new", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path}: error: already exists and is a folder that is not empty")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.txt"]


def test_note_writes_front_matter_from_the_agenda_and_passes_check_once_filled(tmp_path: Path):
    folder = tmp_path / "som-27"
    run_cli("new", folder, "--number", "27")
    _fill(folder / "meeting.yaml")
    result = run_cli("note", folder, "5d")
    assert result.exit_code == 0, result.stderr
    note = folder / "notes" / "5d-low-carbon-cities.md"
    text = note.read_text()
    assert text.startswith('---\nitem: 5 (d)\ntitle: Low carbon cities\ndate: "[Date of issue: YYYY-MM-DD]"\n'
                           "distribution: Limited\nsymbol: ESCAP/NEASPEC/SOM(27)/5d\n")
    assert "\n# Background\n" in text
    check = run_cli("check", folder)
    assert _errors(check) == ["notes/5d-low-carbon-cities.md:4:7", "notes/5d-low-carbon-cities.md:10:9",
                              "notes/5d-low-carbon-cities.md:11:9", "notes/5d-low-carbon-cities.md:16:1",
                              "notes/5d-low-carbon-cities.md:20:1"]
    _fill(note)
    check = run_cli("check", folder)
    assert check.exit_code == 0, check.stderr
    assert "meeting and 1 note(s) are valid" in check.stdout


def test_note_refuses_an_existing_file_and_an_unknown_item(tmp_path: Path):
    folder = tmp_path / "m"
    run_cli("new", folder)
    assert run_cli("note", folder, "7").exit_code == 0
    before = (folder / "notes" / "7-core-fund.md").read_text()
    again = run_cli("note", folder, "7")
    assert again.exit_code == 1
    assert again.stderr.startswith(f"{folder / 'notes' / '7-core-fund.md'}: error: already exists")
    assert (folder / "notes" / "7-core-fund.md").read_text() == before
    unknown = run_cli("note", folder, "5f")
    assert unknown.exit_code == 1
    assert unknown.stderr.startswith(f"{folder / 'meeting.yaml'}: error: the agenda has no item '5f'; "
                                     "did you mean 5e (Desertification and land degradation)?")
    assert "5d Low carbon cities" in unknown.stderr
    assert "did you mean 7 (Core Fund)?" in run_cli("note", folder, "core fnd").stderr


def test_roll_moves_the_meeting_on_and_lists_what_to_revisit(tmp_path: Path):
    new = tmp_path / "som-27"
    result = run_cli("roll", SAMPLE, new)
    assert result.exit_code == 0, result.stderr
    meeting = (new / "meeting.yaml").read_text()
    assert "title: Twenty-seventh Senior Officials Meeting (SOM-27) of NEASPEC\n" in meeting
    assert "short_title: SOM-27\n" in meeting and "symbol: ESCAP/NEASPEC/SOM(27)\n" in meeting
    assert 'start: "[First day of the meeting: YYYY-MM-DD]"\n' in meeting
    assert 'venue: "[City, country]"\n' in meeting
    assert "since SOM-25 in the five" in meeting  # annotations kept as written
    note = (new / "notes" / "5d-low-carbon-cities.md").read_text().split("\n")
    assert note[3] == 'date: "[Date of issue: YYYY-MM-DD]"  # a draft carried over from SOM-26: revise it'
    assert note[6] == "symbol: ESCAP/NEASPEC/SOM(27)/5d"
    report = (new / "notes" / "report.md").read_text()
    assert 'adopted: "[Date the report is adopted: YYYY-MM-DD]"' in report
    assert not (new / "registrations").exists()
    assert (new / "tables" / "core-fund.xlsx").is_file() and (new / "annexes" / "compendium.md").is_file()
    lines = result.stdout.splitlines()
    for expected in ["meeting.yaml:4: title: Twenty-seventh Senior Officials Meeting (SOM-27) of NEASPEC",
                     "meeting.yaml:8: venue (was Seoul, Republic of Korea)",
                     "meeting.yaml:6: start (was 2023-11-23)",
                     "notes/5d-low-carbon-cities.md:4: date (was 2023-10-06)",
                     "notes/report.md:4: adopted (was 2023-11-24)",
                     "notes/5d-low-carbon-cities.md:7: symbol: ESCAP/NEASPEC/SOM(27)/5d"]:
        assert expected in lines
    revisit = {line.split(": ")[0]: line.split(": ")[1] for line in lines if re.match(r"\S+:\d+: ", line)}
    assert revisit["notes/5d-low-carbon-cities.md:37"] == "SOM-25"
    assert revisit["notes/5d-low-carbon-cities.md:47"] == "2023"
    assert revisit["notes/5d-low-carbon-cities.md:57"] == "Seoul"
    assert revisit["meeting.yaml:37"] == "SOM-25"
    assert revisit["meeting.yaml:85"] == "Twenty-seventh"
    assert revisit["notes/report.md:11"] == "Twenty-sixth, 24 November, 2023, Seoul"
    assert revisit["notes/information-note.md:17"] == "23 November"
    assert "notes/5d-low-carbon-cities.md:29" not in revisit  # SOM-21 in 2017: history, not the last meeting
    check = run_cli("check", new)
    assert check.exit_code == 1
    assert _errors(check) == [
        "meeting.yaml:6:8", "meeting.yaml:7:6", "meeting.yaml:8:8", "meeting.yaml:96:9",
        "notes/5a-air-pollution.md:4:7", "notes/5d-low-carbon-cities.md:4:7",
        "notes/5d-low-carbon-cities.ru.md:5:7", "notes/5d-low-carbon-cities.zh.md:5:7", "notes/7-core-fund.md:4:7",
        "notes/information-note.md:4:7", "notes/report.md:3:7", "notes/report.md:4:10"]


def test_roll_moves_the_translations_on_too(tmp_path: Path):
    old = tmp_path / "som-26"
    shutil.copytree(SAMPLE, old)
    ru = old / "notes" / "5d-low-carbon-cities.ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace(
        "title: Низкоуглеродные города", "title: Низкоуглеродные города (доклад двадцать шестому совещанию)"),
        encoding="utf-8")
    new = tmp_path / "som-27"
    result = run_cli("roll", old, new)
    assert result.exit_code == 0, result.stderr
    meeting = (new / "meeting.yaml").read_text(encoding="utf-8")
    assert "title: Двадцать седьмое совещание старших должностных лиц (SOM-27) NEASPEC\n" in meeting
    assert "title: 东北亚环境合作计划第二十七次高官会议（SOM-27）\n" in meeting
    assert "шесто" not in meeting and "二十六" not in meeting and "SOM-26)" not in meeting
    title = "title: Низкоуглеродные города (доклад двадцать седьмому совещанию)"
    assert title in (new / "notes" / "5d-low-carbon-cities.ru.md").read_text(encoding="utf-8").split("\n")
    lines = result.stdout.splitlines()
    assert "meeting.yaml:117: translations.zh.title: 东北亚环境合作计划第二十七次高官会议（SOM-27）" in lines
    assert f"notes/5d-low-carbon-cities.ru.md:4: {title}" in lines


def test_translated_ordinals_move_on():
    from toolkit.drafting.moveon_languages import move_on_in

    assert move_on_in("Двадцать девятое совещание", 29, "ru") == "Тридцатое совещание"
    assert move_on_in("тридцатое совещание", 30, "ru") == "тридцать первое совещание"
    assert move_on_in("двадцать второго совещания", 22, "ru") == "двадцать третьего совещания"
    assert move_on_in("двадцать восьмой доклад", 28, "ru") == "двадцать девятый доклад"
    assert move_on_in("двадцать шестое", 6, "ru") == "двадцать шестое"  # not meeting 6
    assert move_on_in("第九次会议", 9, "zh") == "第十次会议"
    assert move_on_in("第十九次", 19, "zh") == "第二十次"
    assert move_on_in("第二十六次", 2, "zh") == "第二十六次"  # not meeting 2


def test_roll_refuses_an_existing_folder(tmp_path: Path):
    (tmp_path / "som-27").mkdir()
    result = run_cli("roll", SAMPLE, tmp_path / "som-27")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'som-27'}: error: already exists")
    assert not any((tmp_path / "som-27").iterdir())


def test_ordinals_and_moving_on():
    assert [ordinal(n) for n in (1, 2, 3, 12, 20, 21, 26, 27, 40, 99)] == [
        "first", "second", "third", "twelfth", "twentieth", "twenty-first", "twenty-sixth", "twenty-seventh",
        "fortieth", "ninety-ninth"]
    assert move_on("Twenty-sixth SOM (SOM-26)", 26) == "Twenty-seventh SOM (SOM-27)"
    assert move_on("TWENTIETH, twentieth, 20th, 2020", 20) == "TWENTY-FIRST, twenty-first, 21st, 2020"


def test_note_in_a_meeting_without_distribution_writes_none(tmp_path: Path):
    """meeting.yaml `distribution: none`: the drafted note has no `distribution:` (it would be refused)."""
    folder = copy_meeting("no-symbol", tmp_path)
    result = run_cli("note", folder, "2b")
    assert result.exit_code == 0, result.stderr
    text = (folder / "notes" / "2b-dust-and-sandstorms.md").read_text()
    assert text.startswith('---\nitem: 2 (b)\ntitle: Dust and sandstorms\ndate: "[Date of issue: YYYY-MM-DD]"\n')
    assert "distribution:" not in text and "symbol:" not in text
    _fill(folder / "notes" / "2b-dust-and-sandstorms.md")
    check = run_cli("check", folder)
    assert not [line for line in check.stderr.splitlines() if "distribution" in line], check.stderr
