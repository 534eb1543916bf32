"""Static checks of the code: ruff finds nothing in toolkit/, tests/ and bench/, mypy nothing in the model."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

from conftest import REPO


def test_ruff_finds_nothing():
    assert importlib.util.find_spec("ruff"), "ruff is one of the test tools: bash setup.sh installs them"
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "toolkit", "tests", "bench"], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing_in_the_model():
    """mypy, strict on toolkit/model/ (pyproject.toml's [tool.mypy]): the model decides every number and word."""
    assert importlib.util.find_spec("mypy"), "mypy is one of the test tools: bash setup.sh installs them"
    done = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental"], cwd=REPO, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    checked = re.search(r"no issues found in (\d+) source files", done.stdout)
    assert checked and int(checked.group(1)) >= 20, done.stdout  # the whole model, not an empty selection
