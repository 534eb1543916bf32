"""Static checks of the code: ruff (pyproject.toml's [tool.ruff]) finds nothing in toolkit/, tests/ and bench/."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from conftest import REPO


def test_ruff_finds_nothing():
    assert importlib.util.find_spec("ruff"), "ruff is one of the test tools: bash setup.sh installs them"
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "toolkit", "tests", "bench"], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
