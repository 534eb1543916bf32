"""The test tiers stay honest: what needs LibreOffice, Chromium or a whole meeting's build is marked
slow (so `pytest -m "not slow"` stays fast), and long set-ups speak on the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

from conftest import REPO, SHARED_BUILDS, TESTS

ALSO_SLOW = ("office", "browser", "stress", "visual")


@pytest.fixture(scope="module")
def listing(tmp_path_factory) -> list[dict]:
    """Every test of the suite as pytest collects it: its markers and the fixtures it uses."""
    path = tmp_path_factory.mktemp("tiers") / "listing.json"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
           "TOOLKIT_TIERS_LISTING": str(path)}
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "tiers_listing",
                           "-p", "no:cacheprovider"], cwd=REPO, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_tiers_are_declared_and_strict():
    pytest_ini = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    declared = {line.partition(":")[0] for line in pytest_ini["markers"]}
    assert {"slow", *ALSO_SLOW} <= declared
    assert "--strict-markers" in pytest_ini["addopts"].split()


def test_office_browser_stress_and_visual_tests_are_slow(listing):
    wrong = [t["test"] for t in listing if set(ALSO_SLOW) & set(t["markers"]) and "slow" not in t["markers"]]
    assert wrong == []


def test_every_test_reading_a_shared_build_carries_its_markers(listing):
    """sample_build and the other meetings built once for the session: a test using one is slow
    (and office where that build starts LibreOffice), even when another test built it first."""
    wrong = [(t["test"], fixture) for t in listing for fixture, needed in SHARED_BUILDS.items()
             if fixture in t["fixtures"] and not set(needed) <= set(t["markers"])]
    assert wrong == []


def test_the_fast_tier_is_most_of_the_suite_and_has_each_kind(listing):
    fast = [t for t in listing if "slow" not in t["markers"]]
    assert len(fast) >= 500
    for marker in ALSO_SLOW:
        assert any(marker in t["markers"] for t in listing), f"no test is marked {marker}"


_TINY = '''
    import pytest
    from conftest import MEETINGS, announce
    from toolkit.pipeline.build import Options, build

    def test_says_so_on_the_terminal():
        print("captured, not shown")
        announce("a long set-up step")

    def test_builds_unmarked(tmp_path):
        build(MEETINGS / "basic", tmp_path / "out", Options(formats=("pdf",), only=("provisional-agenda",)))
'''


def test_a_build_unmarked_fails_and_announcements_reach_the_terminal(tmp_path: Path):
    """In a run of its own (tests/conftest.py as its plugin): a test that builds a meeting without
    the slow marker fails, naming the marker; announce() is seen though output is captured."""
    (tmp_path / "test_tiny.py").write_text(textwrap.dedent(_TINY), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), str(REPO)])}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "conftest", "-p", "no:cacheprovider",
                           "--rootdir", str(tmp_path), str(tmp_path / "test_tiny.py")],
                          cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "[set-up] a long set-up step" in done.stdout
    assert "captured, not shown" not in done.stdout
    assert "test_builds_unmarked built a meeting (1 outputs)" in done.stdout
    assert "but is not marked slow" in done.stdout
    assert "1 failed, 1 passed" in done.stdout
