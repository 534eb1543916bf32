"""Faults during a build: a full disk at every write, a read-only folder, a killed build, two at once,
a damaged cache. Every output is then its old or its new version, whole; nothing is left half-made."""

from __future__ import annotations

import fcntl
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest

from harness import REPO, Workspace, check_common, prebuilt  # noqa: F401 (fixture)

pytestmark = [pytest.mark.slow]

FAULT_CASES = ["disk full at every write", "read-only output folder", "killed at random moments",
               "two builds at once", "damaged cache"]


def _change_everything(space: Workspace) -> None:
    for path in (space.meeting / "notes").glob("*.md"):
        path.write_text(path.read_text().replace("Fourth paragraph", "Fourth, newer paragraph"))
    for path in (space.meeting / "annexes").glob("*.md"):
        path.write_text(path.read_text() + "\nA newer closing paragraph.\n")


def _whole(folder: Path) -> None:
    for pdf in folder.glob("*.pdf"):
        assert len(pypdf.PdfReader(pdf).pages) >= 1, pdf.name
    assert not list(folder.glob(".*.tmp")) and not list(folder.glob("*.tmp")), "temporary files left"


def test_disk_full_at_every_write(tmp_path: Path, prebuilt: Path):
    probe = Workspace.make(tmp_path / "probe", prebuilt)
    _change_everything(probe)
    new = probe.run("--format", "pdf")  # the new versions, for comparison
    assert new.exit_code == 0, new.stderr
    at = 0
    while True:  # the first write fails, then the second, ... until the build writes no more
        at += 1
        space = Workspace.make(tmp_path / f"at{at}", prebuilt)
        _change_everything(space)
        outcome = space.run("--format", "pdf", env={"HOSTILE_FAIL_WRITE_AT": str(at)})
        where = f"ENOSPC at write {at}"
        check_common(outcome, where)
        if "No space left on device" not in outcome.stderr:
            assert outcome.exit_code == 0 and outcome.after() == new.after(), where
            break
        assert outcome.exit_code in (0, 1), f"{where}: exit {outcome.exit_code}\n{outcome.stderr}"
        after = outcome.after()
        for name, data in after.items():
            if name != "manifest.json":
                assert data in (outcome.before.get(name), new.after().get(name)), f"{where}: {name} is neither"
        _whole(space.out)
    assert at > 4, "each changed output and the manifest were hit once"


def test_read_only_output_folder(tmp_path: Path, prebuilt: Path):
    space = Workspace.make(tmp_path, prebuilt)
    _change_everything(space)
    outcome = space.run("--format", "pdf", env={"HOSTILE_READ_ONLY": "1"})
    check_common(outcome, "read-only folder")
    assert outcome.exit_code == 1
    assert "Read-only file system" in outcome.stderr and "failed: cities.pdf" in outcome.stderr
    assert outcome.after() == outcome.before
    _whole(space.out)


def test_killed_at_random_moments(tmp_path: Path, prebuilt: Path):
    """SIGKILL leaves no chance to clean up: files stay whole, and the next build finishes the job."""
    rng = random.Random(2023)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    probe = Workspace.make(tmp_path / "probe", prebuilt)
    _change_everything(probe)
    started = time.perf_counter()
    probe.run("--format", "pdf", "-j", "2")
    whole = time.perf_counter() - started
    new = probe.out
    for attempt in range(8):
        space = Workspace.make(tmp_path / f"kill{attempt}", prebuilt)
        _change_everything(space)
        before = {p.name: p.read_bytes() for p in space.out.glob("*.pdf")}
        process = subprocess.Popen([sys.executable, "-m", "toolkit", "build", str(space.meeting), "--out",
                                    str(space.out), "--templates", str(space.templates), "--format", "pdf", "-q",
                                    "-j", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        time.sleep(rng.uniform(0.05, 1.0) * whole)
        os.killpg(process.pid, signal.SIGKILL)  # the build and its workers, at once
        process.wait(timeout=30)
        for pdf in space.out.glob("*.pdf"):
            assert pdf.read_bytes() in (before.get(pdf.name), (new / pdf.name).read_bytes()), pdf.name
        rebuilt = space.run("--format", "pdf")
        assert rebuilt.exit_code == 0, rebuilt.stderr
        _whole(space.out)
        for pdf in new.glob("*.pdf"):
            assert (space.out / pdf.name).read_bytes() == pdf.read_bytes(), f"attempt {attempt}: {pdf.name}"


def test_two_builds_at_once(tmp_path: Path, prebuilt: Path):
    space = Workspace.make(tmp_path, prebuilt)
    with open(space.out / ".toolkit.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        outcome = space.run("--format", "pdf")
    check_common(outcome, "two builds")
    assert outcome.exit_code == 1 and "another build is writing to this folder" in outcome.stderr
    assert outcome.after() == outcome.before


def test_damaged_cache(tmp_path: Path, prebuilt: Path):
    space = Workspace.make(tmp_path, prebuilt)
    (space.out / "manifest.json").write_bytes(b"\x00\xff{garbage")
    outcome = space.run("--format", "pdf")
    check_common(outcome, "damaged cache")
    assert outcome.exit_code == 0 and "manifest.json: unreadable" in outcome.stderr
    for name, data in outcome.after().items():
        if name != "manifest.json":
            assert data == prebuilt.joinpath(name).read_bytes(), f"{name}: not the bytes of a clean build"


