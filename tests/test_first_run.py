"""What a newcomer meets on a fresh machine: setup.sh's checks, and a missing optional library."""

from __future__ import annotations

import pytest

import os
import stat
import subprocess
from pathlib import Path

from conftest import MEETINGS, REPO


def test_ci_script_and_setup_are_executable():
    for name in (".ci/run", "setup.sh"):
        assert os.stat(REPO / name).st_mode & stat.S_IXUSR, name
    listed = subprocess.run(["git", "ls-files", "-s", ".ci/run", "setup.sh"], cwd=REPO, capture_output=True,
                            text=True, check=True).stdout.split()
    assert listed[0] == listed[4] == "100755", "the run bit is in git, so a fresh clone has it"


def test_setup_says_what_to_install_for_an_old_python(tmp_path: Path):
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "python3").write_text("#!/bin/sh\n[ \"$1\" = --version ] && echo 'Python 3.9.2' && exit 0\nexit 1\n")
    (fake / "python3").chmod(0o755)
    done = subprocess.run(["bash", str(REPO / "setup.sh")], env={**os.environ, "PATH": f"{fake}:/usr/bin:/bin"},
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "Python 3.11 or later is needed, this is Python 3.9.2" in done.stderr


def test_setup_waits_for_the_package_lock():
    text = (REPO / "setup.sh").read_text()
    assert "DPkg::Lock::Timeout=" in text and text.count('"${wait_lock[@]}"') == 2


@pytest.mark.slow
def test_without_the_harfbuzz_subsetter_one_warning_and_no_error(tmp_path: Path, monkeypatch):
    """As on a machine without libharfbuzz-subset0: WeasyPrint falls back to fontTools and says
    so for every font; the build makes every PDF and warns once, naming the Debian package."""
    import weasyprint.pdf.fonts as fonts
    from weasyprint.text import ffi

    from toolkit.pipeline.build import Options, build

    monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    monkeypatch.setattr(fonts, "harfbuzz_subset", None)
    report = build(MEETINGS / "basic", tmp_path / "out", Options(formats=("pdf",), jobs=1))
    assert not report.failed, report.failed
    assert len(report.built) == 6
    said = [w for w in report.warnings if "libharfbuzz-subset0" in str(w)]
    assert len(said) == 1 and "fontTools" in said[0]
