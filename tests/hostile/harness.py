"""Runs one hostile build through driver.py and checks what every case must show."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
REPO = TESTS.parent
BASIC = TESTS / "meetings" / "basic"
TEMPLATES = REPO / "templates"
FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts", "/etc/fonts", "/var/cache/fontconfig",
             str(Path.home() / ".cache" / "fontconfig"), str(Path.home() / ".fonts")]
WHERE = re.compile(r"^[^\s:][^:]*:\d+(:\d+)?: error: ")


@dataclass
class Outcome:
    exit_code: int
    stderr: str
    violations: list
    out: Path
    before: dict[str, bytes] = field(default_factory=dict)

    def after(self) -> dict[str, bytes]:
        return _snapshot(self.out)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.suffix != ".lock"} \
        if folder.is_dir() else {}


@dataclass
class Workspace:
    meeting: Path
    templates: Path
    out: Path

    @classmethod
    def make(cls, tmp: Path, prebuilt: Path) -> Workspace:
        meeting, templates, out = tmp / "m", tmp / "templates", tmp / "out"
        shutil.copytree(BASIC, meeting)
        shutil.copytree(TEMPLATES, templates, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(prebuilt, out)
        return cls(meeting, templates, out)

    def run(self, *extra: str, env: dict[str, str] | None = None, timeout: float = 300) -> Outcome:
        report = self.out.parent / "audit.json"
        allowed = [self.meeting, self.templates, self.out, *FONT_DIRS, "/dev/null", "/dev/urandom",
                   "/proc/self", "/proc/meminfo", _temp_root()]
        environment = {**os.environ, "PYTHONPATH": str(REPO), "HOSTILE_REPORT": str(report),
                       "HOSTILE_ALLOWED": os.pathsep.join(map(str, allowed)), **(env or {})}
        before = _snapshot(self.out)
        done = subprocess.run([sys.executable, str(HERE / "driver.py"), "build", str(self.meeting), "--out",
                               str(self.out), "--templates", str(self.templates), "-q", *extra],
                              env=environment, capture_output=True, text=True, timeout=timeout, check=False)
        violations = json.loads(report.read_text()) if report.exists() else [["no report", ""]]
        # problems are printed at the meeting folder as given (here a temporary path): the cases are meeting-relative
        return Outcome(done.returncode, done.stderr.replace(f"{self.meeting}/", ""), violations, self.out, before)


def _temp_root() -> str:
    """Temporary folders the toolkit makes (LibreOffice conversions) start with toolkit-."""
    import tempfile

    return str(Path(tempfile.gettempdir()) / "toolkit-")


def check_common(outcome: Outcome, where: str) -> None:
    assert "Traceback" not in outcome.stderr, f"{where}: traceback\n{outcome.stderr}"
    reads = [v for v in outcome.violations if not (v[0] == "open" and v[1].startswith(_temp_root()))]
    assert not reads, f"{where}: read or fetched outside the meeting, templates and fonts: {reads[:5]}"


def check_failed(outcome: Outcome, where: str, expected: list[str]) -> None:
    check_common(outcome, where)
    assert outcome.exit_code == 1, f"{where}: exit {outcome.exit_code}\n{outcome.stderr}"
    lines = outcome.stderr.splitlines()
    assert any(WHERE.match(line) for line in lines), f"{where}: no message names a file and line\n{outcome.stderr}"
    for wanted in expected:
        assert any(line.startswith(wanted) for line in lines), f"{where}: missing {wanted!r} in\n{outcome.stderr}"
    failed = [line[len("failed: "):] for line in lines if line.startswith("failed: ")]
    after = outcome.after()
    if not failed:  # a source error: nothing at all was written
        assert after == outcome.before, f"{where}: an existing output changed"
    for name in failed:  # a document that failed keeps its previous file
        assert after.get(name) == outcome.before.get(name), f"{where}: {name} changed though it failed"


@pytest.fixture(scope="session")
def prebuilt(tmp_path_factory) -> Path:
    """basic, built: the outputs a hostile build must leave as they were."""
    out = tmp_path_factory.mktemp("prebuilt") / "out"
    done = subprocess.run([sys.executable, "-m", "toolkit", "build", str(BASIC), "--out", str(out), "--format",
                           "pdf", "-q"], cwd=REPO, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    return out


