"""Shared fixtures: fixture meetings copied to a temporary folder, built once per session."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from toolkit.cli import main

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
MEETINGS = TESTS / "meetings"
SAMPLE = REPO / "agendas" / "som-26"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str) -> Run:
    """The command's exit status and output; for check, build and issue, the problems' paths are
    given back meeting-relative (as printed from inside the meeting folder): the command prints them
    joined to the meeting folder as given (test_cli.py tests that), which here is a temporary path."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    stderr = result.stderr
    if len(args) > 1 and str(args[0]) in ("check", "build", "issue"):
        stderr = stderr.replace(f"{Path(args[1])}/", "")
    return Run(result.exit_code, result.stdout, stderr)


def copy_meeting(name: str, dest: Path) -> Path:
    target = dest / name
    shutil.copytree(MEETINGS / name, target)
    return target


@dataclass
class PdfPage:
    number: int
    text: str
    lines: list[dict]  # pdfplumber text lines: text, x0, top, chars
    chars: list[dict]
    height: float
    rects: list[dict]


def read_pdf(path: Path) -> list[PdfPage]:
    pages = []
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages, 1):
            lines = page.extract_text_lines(return_chars=True)
            pages.append(PdfPage(index, page.extract_text(), lines, list(page.chars), float(page.height),
                                 list(page.rects)))
    return pages


def built(tmp_path_factory, meeting: Path, name: str) -> Path:
    """Every document of `meeting`, built into a fresh folder (for a fixture that builds once)."""
    out = tmp_path_factory.mktemp(name)
    result = run_cli("build", meeting, "--out", out)
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    """The sample meeting, built once with the README's command."""
    return built(tmp_path_factory, SAMPLE, "sample")


@pytest.fixture(scope="session")
def basic_build(tmp_path_factory) -> Path:
    return built(tmp_path_factory, MEETINGS / "basic", "basic")
