"""Messages as a good compiler gives them: one error per mistake, at a path the user can open, one way to print."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLE, copy_meeting
from toolkit.cli import main


def raw(*args, cwd: Path | None = None, monkeypatch=None):
    """The command's output exactly as printed (conftest's run_cli gives problems' paths back meeting-relative)."""
    if cwd is not None:
        monkeypatch.chdir(cwd)
    return CliRunner().invoke(main, [str(a) for a in args])


def sample_copy(tmp_path: Path) -> Path:
    meeting = tmp_path / "agendas" / "som-26"
    shutil.copytree(SAMPLE, meeting)
    return meeting


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_one_typo_in_an_agenda_item_is_one_error(tmp_path: Path, monkeypatch):
    # Before: the note's error, then both translations "need their original" and the report's
    # document("5d-low-carbon-cities") was "unknown" though the file exists: four errors for one typo.
    meeting = sample_copy(tmp_path)
    edit(meeting / "notes" / "5d-low-carbon-cities.md", "item: 5 (d)", "item: 5x")
    result = raw("check", "agendas/som-26", cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "agendas/som-26/notes/5d-low-carbon-cities.md:2:7: error: unknown agenda item '5x' (the agenda has 1, 2, 3, "
        "4, 5, 5 (a), 5 (b), 5 (c), 5 (d), 5 (e), 6, 7, 8, 9, 10)"]


def test_a_consequence_is_an_error_when_its_cause_has_none(tmp_path: Path, monkeypatch):
    # No such note at all: the report's document(...) is the mistake, and is reported.
    meeting = sample_copy(tmp_path)
    for name in ("5d-low-carbon-cities.md", "5d-low-carbon-cities.ru.md", "5d-low-carbon-cities.zh.md"):
        (meeting / "notes" / name).unlink()
    result = raw("check", ".", cwd=meeting, monkeypatch=monkeypatch)
    assert result.exit_code == 1
    assert any(line.startswith("notes/report.md:") and "unknown document '5d-low-carbon-cities'" in line
               for line in result.stderr.splitlines()), result.stderr


def test_paths_are_printed_from_where_the_command_ran(tmp_path: Path, monkeypatch):
    meeting = copy_meeting("basic", tmp_path)
    edit(meeting / "notes" / "cities.md", "date: 2023-10-06", "date: 2023-02-30")
    outside = raw("check", "basic", cwd=tmp_path, monkeypatch=monkeypatch)
    assert outside.exit_code == 1 and outside.stderr.startswith("basic/notes/cities.md:4:"), outside.stderr
    inside = raw("check", ".", cwd=meeting, monkeypatch=monkeypatch)
    assert inside.exit_code == 1 and inside.stderr.startswith("notes/cities.md:4:"), inside.stderr
    below = raw("check", "..", cwd=meeting / "notes", monkeypatch=monkeypatch)
    assert below.stderr.startswith("../notes/cities.md:4:"), below.stderr
    assert (Path(meeting / "notes") / below.stderr.split(":")[0]).resolve() == (meeting / "notes" / "cities.md")


def test_every_command_refuses_in_one_way(tmp_path: Path, monkeypatch):
    # issue, roll and new refused with three classes that printed differently ("Error: ..." for issue)
    from toolkit import errors
    from toolkit.drafting import new, note, roll
    from toolkit.importing import command as importing
    from toolkit.issuing import command as issuing

    assert {m.Refused for m in (new, note, roll, importing, issuing)} == {errors.Refused}
    copy_meeting("basic", tmp_path)
    issued = raw("issue", "basic", "cities", "--out", "out", cwd=tmp_path, monkeypatch=monkeypatch)
    rolled = raw("roll", "basic", "basic", cwd=tmp_path, monkeypatch=monkeypatch)
    made = raw("new", "basic", cwd=tmp_path, monkeypatch=monkeypatch)
    for result in (issued, rolled, made):
        assert result.exit_code == 1
        assert re.match(r"(\S+: )?error: ", result.stderr) and "Error:" not in result.stderr, result.stderr
    assert issued.stderr.startswith("error: cities.docx, cities.pdf in out are missing")
    assert rolled.stderr.startswith("basic: error: already exists")


def test_files_the_toolkit_would_skip_are_named(tmp_path: Path, monkeypatch):
    meeting = copy_meeting("basic", tmp_path)
    note = (meeting / "notes" / "cities.md").read_text(encoding="utf-8")
    skipped = {"notes/forum.MD": "rename it notes/forum.md", "notes/plan.markdown": "rename it notes/plan.md",
               "notes/budget.md.txt": "rename it notes/budget.md",
               "notes/drafts/old.md": "not its subfolders: move it to notes/old.md",
               "agenda-note.md": "if it is a note, move it to notes/agenda-note.md",
               "annexes/unused.md": "no note names it among its annexes"}
    for rel in skipped:
        (meeting / rel).parent.mkdir(parents=True, exist_ok=True)
        (meeting / rel).write_text(note, encoding="utf-8")
    # what is legitimately there is not named: the annexes the note names, a README, issued records
    (meeting / "README.md").write_text("# About this folder\n", encoding="utf-8")
    (meeting / "issued" / "cities").mkdir(parents=True)
    (meeting / "issued" / "cities" / "notes").mkdir()
    (meeting / "issued" / "cities" / "notes" / "cities.md").write_text(note, encoding="utf-8")
    result = raw("check", ".", cwd=meeting, monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == len(skipped), lines
    for rel, why in skipped.items():
        assert any(line.startswith(f"{rel}:1: warning: skipped: ") and why in line for line in lines), (rel, lines)
    assert result.stdout.strip() == f".: meeting and 1 note(s) are valid, with {len(skipped)} warning(s) above"


def test_only_suggests_and_option_values_take_any_case(tmp_path: Path, monkeypatch):
    copy_meeting("basic", tmp_path)
    # --format PDF is accepted as --format pdf: the refusal is --only's, which says what was meant
    result = raw("build", "basic", "--format", "PDF", "--only", "cites", "--only", "2B", "--out", "out",
                 cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 2
    assert "--only cites: no document or agenda item of the meeting matches; did you mean 'cities'?" in result.stderr
    assert "2B" not in result.stderr  # any case of an agenda item selects it
    assert "--format" not in result.stderr
    assert not (tmp_path / "out").exists()
    wrong = raw("build", "basic", "--format", "odt", cwd=tmp_path, monkeypatch=monkeypatch)
    assert wrong.exit_code == 2 and "'odt' is not one of 'pdf', 'docx', 'all'" in wrong.stderr


@pytest.mark.slow
def test_the_reason_for_rebuilding_everything_is_one_line(tmp_path: Path, monkeypatch):
    from toolkit.pipeline import fingerprint

    copy_meeting("basic", tmp_path)
    first = raw("build", "basic", "--format", "pdf", "--out", "out", cwd=tmp_path, monkeypatch=monkeypatch)
    assert first.exit_code == 0, first.stderr
    assert "rebuilt" not in first.stdout  # a first build: every document is new, nothing to explain
    fonts = fingerprint.fonts_digest()
    monkeypatch.setattr(fingerprint, "fonts_digest", lambda: fonts + "-a font installed since")
    again = raw("build", "basic", "--format", "pdf", "--out", "out")
    assert again.exit_code == 0, again.stderr
    lines = again.stdout.splitlines()
    assert lines[0] == "rebuilt all 6 files: the installed fonts changed", lines
    assert lines[1].startswith("out: built 6, unchanged 0,") and len(lines) == 2


def _ignored(repo: Path, rel: str) -> bool:
    import subprocess

    return subprocess.run(["git", "check-ignore", "-q", "--no-index", rel], cwd=repo).returncode == 0


def test_the_build_folder_beside_a_meeting_folder_is_ignored_by_the_project():
    from conftest import REPO

    # `toolkit build .` inside agendas/som-26 writes agendas/build/som-26 (test_checks shows where)
    assert _ignored(REPO, "agendas/build/som-26/5d-low-carbon-cities.pdf")
    assert _ignored(REPO, "build/som-26/5d-low-carbon-cities.pdf")
    assert not _ignored(REPO, "toolkit/pipeline/build.py")


def test_toolkit_new_ignores_the_build_folder_beside_the_meeting(tmp_path: Path, monkeypatch):
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    made = raw("new", "agendas/som-27", "--number", "27", cwd=tmp_path, monkeypatch=monkeypatch)
    assert made.exit_code == 0, made.stderr
    assert "agendas/.gitignore: ignores build/" in made.stdout
    assert _ignored(tmp_path, "agendas/build/som-27/provisional-agenda.pdf")
    assert not _ignored(tmp_path, "agendas/som-27/meeting.yaml")
    again = raw("new", "agendas/som-28", cwd=tmp_path, monkeypatch=monkeypatch)
    assert again.exit_code == 0 and ".gitignore" not in again.stdout  # already ignored: written once
    lines = (tmp_path / "agendas" / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line == "build/"] == ["build/"]


def test_roll_and_note_say_a_yaml_mistake_as_check_does(tmp_path: Path, monkeypatch):
    meeting = copy_meeting("basic", tmp_path)
    edit(meeting / "meeting.yaml", "venue: Virtual meeting", 'venue: "Virtual meeting')
    said = "basic/meeting.yaml:8:8: error: a quote opened here is never closed"
    checked = raw("check", "basic", cwd=tmp_path, monkeypatch=monkeypatch)
    rolled = raw("roll", "basic", "next", cwd=tmp_path, monkeypatch=monkeypatch)
    noted = raw("note", "basic", "2b", cwd=tmp_path, monkeypatch=monkeypatch)
    for result in (checked, rolled, noted):
        assert result.exit_code == 1 and result.stderr.startswith(said), result.stderr
    assert not (tmp_path / "next").exists()


def test_note_and_issue_take_names_in_any_case(tmp_path: Path, monkeypatch):
    copy_meeting("basic", tmp_path)
    noted = raw("note", "basic", "2A", cwd=tmp_path, monkeypatch=monkeypatch)
    assert noted.exit_code == 0 and (tmp_path / "basic" / "notes" / "2a-air-pollution.md").is_file(), noted.stderr
    (tmp_path / "basic" / "notes" / "2a-air-pollution.md").unlink()
    issued = raw("issue", "basic", "CITIES", "--out", "out", cwd=tmp_path, monkeypatch=monkeypatch)
    assert issued.exit_code == 1 and "build first (`toolkit build basic --only cities`)" in issued.stderr
    wrong = raw("issue", "basic", "citis", "--out", "out", cwd=tmp_path, monkeypatch=monkeypatch)
    assert wrong.exit_code == 2 and "'citis' is not a document of basic; did you mean 'cities'?" in wrong.stderr
