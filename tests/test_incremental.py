"""Rebuilding a meeting: only what changed, in parallel, never half-done."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, copy_built, copy_meeting, run_cli, two_notes

# The two notes' meeting is built once for the session (two_notes_pdf, two_notes_all in conftest.py):
# a test that starts from a complete build copies it; only builds compared with it are made again.


def _state(out: Path) -> dict[str, tuple[int, str]]:
    return {p.name: (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(out.iterdir()) if not p.name.startswith(".")}


@pytest.mark.slow
def test_nothing_changed_rewrites_nothing(two_notes_pdf, tmp_path: Path):
    meeting, out = copy_built(two_notes_pdf, tmp_path)
    before = _state(out)
    (meeting / "notes" / "cities.md").touch()  # a new modification time is not a change
    result = run_cli("build", meeting, "--format", "pdf", "--out", out)
    assert "built 0, unchanged 9," in result.stdout
    assert _state(out) == before


@pytest.mark.slow
def test_one_note_changed_rebuilds_that_note(two_notes_pdf, tmp_path: Path):
    meeting, out = copy_built(two_notes_pdf, tmp_path)
    before = _state(out)
    note = meeting / "notes" / "other.md"
    note.write_text(note.read_text().replace("Fourth paragraph", "Fourth, changed paragraph"))
    result = run_cli("build", meeting, "--format", "pdf", "--out", out, "-v")
    assert "built other.pdf: content changed: notes/other.md" in result.stdout
    assert "built 1, unchanged 8," in result.stdout, "its annexes and the agenda documents show nothing that changed"
    after = _state(out)
    assert after["cities.pdf"] == before["cities.pdf"]
    assert after["other.pdf"][1] != before["other.pdf"][1]


@pytest.mark.slow
def test_template_changed_rebuilds_everything_that_uses_it(two_notes_pdf, tmp_path: Path):
    meeting, out = copy_built(two_notes_pdf, tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    # the same templates elsewhere: the same outputs
    assert "built 0, unchanged 9," in run_cli("build", meeting, "--format", "pdf", "--out", out,
                                              "--templates", templates).stdout
    css = templates / "note.css"
    css.write_text(css.read_text().replace("font-size: 12pt;", "font-size: 11.5pt;", 1))
    result = run_cli("build", meeting, "--format", "pdf", "--out", out, "--templates", templates, "-v")
    assert "built 9, unchanged 0," in result.stdout
    assert "built cities.pdf: template changed: note.css" in result.stdout


@pytest.mark.slow
def test_deleted_note_outputs_are_removed(two_notes_pdf, tmp_path: Path):
    meeting, out = copy_built(two_notes_pdf, tmp_path)
    (meeting / "notes" / "other.md").unlink()
    result = run_cli("build", meeting, "--format", "pdf", "--out", out, "-v")
    assert "built 2, unchanged 4, removed 3," in result.stdout
    assert "built annotated-agenda.pdf: content changed: notes/other.md" in result.stdout
    assert "built list-of-documents.pdf" in result.stdout
    assert not list(out.glob("other*.pdf")) and (out / "cities.pdf").exists()
    assert "other.pdf" not in json.loads((out / "manifest.json").read_text())["outputs"]


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["{not json", '{"format": "toolkit-manifest", "cache_version": 0}',
                                    '{"format": "toolkit-manifest", "cache_version": 1, "outputs": {"x": 1}}'])
def test_corrupt_or_old_cache_is_ignored_with_a_warning(two_notes_pdf, tmp_path: Path, damage: str):
    meeting, out = copy_built(two_notes_pdf, tmp_path)
    clean = two_notes_pdf[1]  # read only
    (out / "manifest.json").write_text(damage)
    result = run_cli("build", meeting, "--format", "pdf", "--out", out)
    assert result.exit_code == 0 and "warning:" in result.stderr and "manifest.json" in result.stderr
    assert "built 9," in result.stdout
    for name in sorted(p.name for p in clean.iterdir() if not p.name.startswith(".")):
        assert (out / name).read_bytes() == (clean / name).read_bytes()


@pytest.mark.slow
def test_output_damaged_on_disk_is_rebuilt(two_notes_pdf, tmp_path: Path):
    meeting, out = copy_built(two_notes_pdf, tmp_path)
    good = (out / "cities.pdf").read_bytes()
    (out / "cities.pdf").write_bytes(good[:1000])
    result = run_cli("build", meeting, "--format", "pdf", "--out", out, "-v")
    assert "built cities.pdf: the output was changed on disk" in result.stdout
    assert (out / "cities.pdf").read_bytes() == good


@pytest.mark.slow
def test_parallel_build_gives_the_same_bytes(two_notes_pdf, tmp_path: Path):
    meeting, j1 = two_notes_pdf  # built with -j 1; read only
    assert run_cli("build", meeting, "--format", "pdf", "--out", tmp_path / "j2", "-j", "2").exit_code == 0
    names = sorted(p.name for p in j1.iterdir() if not p.name.startswith("."))
    assert len(names) == 10
    for name in names:
        assert (j1 / name).read_bytes() == (tmp_path / "j2" / name).read_bytes()


@pytest.mark.slow
def test_a_failing_note_leaves_the_others_built(tmp_path: Path):
    meeting, out = two_notes(tmp_path), tmp_path / "out"
    note = meeting / "notes" / "other.md"
    note.write_text(note.read_text().replace("Other first", "Other \U0010FFFD first"))
    result = run_cli("build", meeting, "--format", "pdf", "--out", out, "-j", "2")
    assert result.exit_code == 1
    assert "notes/other.md:21:7: error: no installed font can print U+10FFFD" in result.stderr
    assert "failed: other.pdf" in result.stderr and "failed 1" in result.stdout
    assert (out / "cities.pdf").exists() and not (out / "other.pdf").exists()


@pytest.mark.slow
def test_only_selects_by_note_or_agenda_item(tmp_path: Path):
    meeting = two_notes(tmp_path)
    dependants = ["annotated-agenda.pdf", "list-of-documents.pdf"]
    other = ["other-annex-I.pdf", "other-annex-II.pdf", "other.pdf"]
    cities = ["cities-annex-I.pdf", "cities-annex-II.pdf", "cities.pdf"]
    for selector, built in (("other", other), ("2(b)", cities), ("2b", cities), ("2", cities + other),
                            ("provisional-agenda", [])):
        built = sorted(built + (dependants if built else ["provisional-agenda.pdf"]))
        out = tmp_path / f"out-{selector}"
        result = run_cli("build", meeting, "--format", "pdf", "--out", out, "--only", selector)
        assert result.exit_code == 0, result.stderr
        assert sorted(p.name for p in out.glob("*.pdf")) == built, selector
    result = run_cli("build", meeting, "--format", "pdf", "--out", tmp_path / "none", "--only", "9z")
    assert result.exit_code == 2 and "no document or agenda item" in result.stderr


def test_second_build_on_the_same_folder_is_refused(tmp_path: Path):
    meeting, out = two_notes(tmp_path), tmp_path / "out"
    out.mkdir()
    with open(out / ".toolkit.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("process 4242")
        held.flush()
        result = run_cli("build", meeting, "--format", "pdf", "--out", out)
    assert result.exit_code == 1
    assert "another build is writing to this folder (process 4242)" in result.stderr
    assert not (out / "cities.pdf").exists()


@pytest.mark.slow
def test_no_lock_file_stays_after_a_build(two_notes_pdf, tmp_path: Path):
    assert not (two_notes_pdf[1] / ".toolkit.lock").exists()  # after a first build
    meeting, out = copy_built(two_notes_pdf, tmp_path)
    assert not (out / ".toolkit.lock").exists()
    (out / "cities.pdf").unlink()  # a rebuild too, and a failed build (a mistake in a source)
    assert run_cli("build", meeting, "--format", "pdf", "--out", out).exit_code == 0
    (meeting / "notes" / "cities.md").write_text("---\nitem: 99\n---\n")
    assert run_cli("build", meeting, "--format", "pdf", "--out", out).exit_code == 1
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".lock")) == []


def test_a_build_that_opened_the_lock_file_as_it_was_removed_locks_the_new_one(tmp_path: Path):
    """The lock file is removed at the end of a build: a build that opened it just before
    must not count the removed file as the folder's lock (two builds at once)."""
    from toolkit.pipeline import lock

    out = tmp_path / "out"
    out.mkdir()
    stale = open(out / lock.LOCK, "a+")  # opened by a build that ended and removed it ...
    (out / lock.LOCK).unlink()
    with open(out / lock.LOCK, "a+") as held:  # ... while a third build holds the new one
        fcntl.flock(held, fcntl.LOCK_EX)
        assert not lock._same_file(stale, out / lock.LOCK)
        with pytest.raises(Exception, match="another build is writing"):
            with lock.locked(out):
                pass
    stale.close()


_FORK_INTERRUPTED = """
import multiprocessing, os, signal
from concurrent.futures import ProcessPoolExecutor
from toolkit.pipeline.worker import ignore_interrupts, interrupts_held

fired = []

def before_fork():
    if not fired:  # Ctrl-C at the worst moment: as the first worker is forked
        fired.append(1)
        os.kill(os.getpid(), signal.SIGINT)

os.register_at_fork(before=before_fork)
executor = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"), initializer=ignore_interrupts)
try:
    with interrupts_held():
        futures = [executor.submit(abs, -n) for n in range(4)]
    print(sum(f.result() for f in futures))
except KeyboardInterrupt:
    print("interrupted")
finally:
    executor.shutdown(wait=True, cancel_futures=True)
"""


def test_ctrl_c_while_the_workers_are_forked_stops_the_build_cleanly():
    """Held back during the fork, Ctrl-C reaches the main process after it, as a clean stop; it
    would otherwise land inside Python's fork hooks (in the main process or a new worker),
    print "Exception ignored ... KeyboardInterrupt" there and let the build go on."""
    result = subprocess.run([sys.executable, "-c", _FORK_INTERRUPTED], capture_output=True, text=True, timeout=60,
                            cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.stdout.strip() == "interrupted", result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr


@pytest.mark.slow
def test_interrupted_builds_leave_every_output_whole(tmp_path: Path):
    """SIGINT at several moments of a rebuild: each output is its old or its new version."""
    meeting = copy_meeting("basic", tmp_path)
    for n in range(4):
        text = (meeting / "notes" / "cities.md").read_text()
        (meeting / "notes" / f"n{n}.md").write_text(text.replace("First paragraph", f"Note {n} paragraph")
                                                  .replace("SOM(T)/2b", f"SOM(T)/2b/{n}"))
    old, new = tmp_path / "old", tmp_path / "new"
    assert run_cli("build", meeting, "--format", "pdf", "--out", old).exit_code == 0
    for note in (meeting / "notes").glob("*.md"):
        note.write_text(note.read_text().replace("Fourth paragraph", "Fourth, newer paragraph"))
    assert run_cli("build", meeting, "--format", "pdf", "--out", new).exit_code == 0
    versions = {p.name: {(old / p.name).read_bytes(), p.read_bytes()} for p in new.glob("*.pdf")}
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "toolkit", "build", str(meeting), "-j", "2", "-q", "--format", "pdf", "--out"]
    timing = tmp_path / "timing"
    shutil.copytree(old, timing)
    started = time.perf_counter()
    subprocess.run(command + [str(timing)], env=env, check=True, capture_output=True)
    whole = time.perf_counter() - started  # the moments below follow this machine's speed
    interrupted = attempts = 0
    fractions = (0.15, 0.3, 0.45, 0.6, 0.75, 0.9) * 3
    for fraction in fractions:  # until three builds were interrupted (a loaded machine shifts the moments)
        if interrupted >= 3:
            break
        attempts += 1
        out = tmp_path / f"run-{attempts}"
        shutil.copytree(old, out)
        process = subprocess.Popen(command + [str(out)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        delay = fraction * whole
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        interrupted += process.returncode == 130
        # 130: interrupted; -SIGINT: interrupted while Python itself was starting, before any toolkit code
        assert process.returncode in (0, 130, -signal.SIGINT), stderr.decode()
        assert "Traceback" not in stderr.decode()
        assert not list(out.glob(".*.tmp")), "no temporary file left behind"
        for name, allowed in versions.items():
            assert (out / name).read_bytes() in allowed, f"{name} after SIGINT at {delay}s"
        # and the next build finishes the job
        assert run_cli("build", meeting, "--format", "pdf", "--out", out).exit_code == 0
        for name in versions:
            assert (out / name).read_bytes() == (new / name).read_bytes()
    assert interrupted >= 3, f"the signal arrived during {interrupted} of {attempts} builds ({whole:.1f} s each)"


@pytest.mark.office
@pytest.mark.slow
def test_both_formats_no_change_and_parallel_parity(two_notes_all, tmp_path: Path):
    meeting, j1 = two_notes_all  # built with -j 1; read only
    j2 = tmp_path / "j2"
    assert run_cli("build", meeting, "--out", j2, "-j", "2").exit_code == 0
    names = sorted(p.name for p in j1.iterdir() if not p.name.startswith("."))
    assert len([n for n in names if n.endswith(".docx")]) == 9
    for name in names:
        assert (j1 / name).read_bytes() == (j2 / name).read_bytes(), name
    before = _state(j2)
    result = run_cli("build", meeting, "--out", j2)
    assert "built 0, unchanged 18," in result.stdout
    assert _state(j2) == before


@pytest.mark.office
@pytest.mark.slow
def test_reference_docx_changed_rebuilds_the_docx_files_only(two_notes_all, tmp_path: Path):
    meeting, out = copy_built(two_notes_all, tmp_path)
    templates = tmp_path / "templates"
    shutil.copytree(REPO / "templates", templates)
    assert "built 0, unchanged 18," in run_cli("build", meeting, "--out", out, "--templates", templates).stdout
    reference = templates / "reference.docx"
    reference.write_bytes(reference.read_bytes() + b"\0")  # same document, other bytes
    result = run_cli("build", meeting, "--out", out, "--templates", templates, "-v")
    assert "built 9, unchanged 9," in result.stdout
    assert "built cities.docx: template changed: reference.docx" in result.stdout
    assert "built cities.pdf" not in result.stdout


def _on_a_terminal(args: list[str]) -> str:
    """Runs the toolkit with a pseudo-terminal as its stderr; returns what the terminal showed."""
    import pty

    main_fd, child_fd = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "100"}
    process = subprocess.Popen([sys.executable, "-m", "toolkit", *args], stdout=subprocess.DEVNULL,
                               stderr=child_fd, env=env)
    os.close(child_fd)
    shown = b""
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    process.wait(timeout=120)
    os.close(main_fd)
    return shown.decode("utf-8", "replace")


@pytest.mark.slow
def test_progress_bar_on_a_terminal_and_quiet_for_scripts(tmp_path: Path):
    meeting = two_notes(tmp_path)
    shown = _on_a_terminal(["build", str(meeting), "--format", "pdf", "--out", str(tmp_path / "a"), "-j", "1"])
    assert "Building" in shown and "cities.pdf" in shown and "other.pdf" in shown
    quiet = _on_a_terminal(["build", str(meeting), "--format", "pdf", "--out", str(tmp_path / "b"), "-q"])
    assert quiet == ""
    piped = run_cli("build", meeting, "--format", "pdf", "--out", tmp_path / "c")
    assert "Building" not in piped.stderr and "built 9, unchanged 0" in piped.stdout
