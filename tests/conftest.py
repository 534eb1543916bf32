"""Shared fixtures: fixture meetings copied to a temporary folder, built once per session.

A long set-up says what it does on the terminal (`announce`), so the whole suite never sits
silent for minutes; the tiers (markers slow, office, browser, stress, visual) are declared in
pyproject.toml and checked by tests/test_tiers.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import time
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
# Meetings built once for the session (fixtures below and tests/hostile/harness.py) -> the markers
# a test using one must carry, whichever test happens to build it (tests/test_tiers.py checks).
SHARED_BUILDS = {"sample_build": ("slow", "office"), "basic_build": ("slow", "office"), "two_notes_pdf": ("slow",),
                 "two_notes_all": ("slow", "office"), "issued_basic": ("slow", "office"), "prebuilt": ("slow",)}


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


_config: pytest.Config | None = None
_running: pytest.Item | None = None  # the test being set up, run or torn down


def pytest_configure(config: pytest.Config) -> None:
    global _config
    _config = config
    _guard_tiers()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem):
    global _running
    _running = item
    try:
        return (yield)
    finally:
        _running = None


def _guard_tiers() -> None:
    """The tiers kept honest as the tests run: a test (or a fixture it set up) that builds a whole
    meeting fails unless marked slow, and one that starts LibreOffice fails unless marked office."""
    from toolkit.pipeline import build as pipeline
    from toolkit.render import office

    if getattr(pipeline.build, "tiers_guarded", False):
        return
    real_build, real_convert, real_office = pipeline.build, office.convert, office.find()

    def build(*args, **kwargs):
        report = real_build(*args, **kwargs)
        if report.built:
            _needs("slow", f"built a meeting ({len(report.built)} outputs)")
        return report

    def convert(documents, program, **kwargs):
        if real_office and Path(program).resolve() == Path(real_office).resolve():
            _needs("office", "started LibreOffice")
        return real_convert(documents, program, **kwargs)

    build.tiers_guarded = True
    pipeline.build, office.convert = build, convert


def _needs(marker: str, what: str) -> None:
    test = _running
    if test is not None and test.get_closest_marker(marker) is None:
        pytest.fail(f"{test.nodeid} {what} (itself or a fixture it uses) but is not marked {marker}: "
                    f"mark it pytest.mark.{marker} (tiers: pyproject.toml)", pytrace=False)


def announce(message: str) -> None:
    """A line on the terminal now, through pytest's reporter, even while a test's output is captured."""
    config = _config
    if config is None:
        return
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:  # run with -p no:terminal
        return
    capture = config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        reporter.write_line(f"[set-up] {message}")


@contextlib.contextmanager
def announced(what: str):
    """Announces a long set-up step before it starts and says how long it took."""
    announce(f"{what} ...")
    start = time.monotonic()
    yield
    announce(f"{what}: done in {time.monotonic() - start:.0f} s")


def built(tmp_path_factory, meeting: Path, name: str, *options: str) -> Path:
    """Every document of `meeting`, built into a fresh folder (for a fixture that builds once)."""
    out = tmp_path_factory.mktemp(name)
    with announced(f"building the {name} meeting once for the tests that read it"):
        result = run_cli("build", meeting, "--out", out, *options)
    assert result.exit_code == 0, result.stderr
    return out


def two_notes(dest: Path) -> Path:
    """The basic meeting with a second note, notes/other.md (item 2 (a)), beside cities.md; in dest/basic."""
    meeting = copy_meeting("basic", dest)
    other = ((meeting / "notes" / "cities.md").read_text().replace("item: 2(b)", "item: 2 (a)")
             .replace("SOM(T)/2b", "SOM(T)/2a"))
    (meeting / "notes" / "other.md").write_text(other.replace("First paragraph", "Other first paragraph"))
    return meeting


def _digest(folders: tuple[Path, ...]) -> dict[str, str]:
    return {str(path): hashlib.sha256(path.read_bytes()).hexdigest()
            for folder in folders for path in sorted(folder.rglob("*")) if path.is_file()}


@contextlib.contextmanager
def shared(*folders: Path):
    """Folders built once for the session and shared by many tests, which copy them (copy_built)
    before changing anything: a test that changed one in place would fail at the session's end."""
    before = _digest(folders)
    yield folders
    assert _digest(folders) == before, f"a test changed the shared {', '.join(map(str, folders))}"


def copy_built(shared_build: tuple[Path, Path], dest: Path) -> tuple[Path, Path]:
    """A shared meeting and its build folder copied into dest (dest/<meeting>, dest/out), to be changed."""
    meeting, out = shared_build
    return Path(shutil.copytree(meeting, dest / meeting.name)), Path(shutil.copytree(out, dest / "out"))


@pytest.fixture(scope="session")
def two_notes_pdf(tmp_path_factory):
    """The two notes' meeting (two_notes) and its PDFs, built once, one document at a time (-j 1). Shared."""
    meeting = two_notes(tmp_path_factory.mktemp("two-notes"))
    with shared(meeting, built(tmp_path_factory, meeting, "two-notes-pdf", "--format", "pdf", "-j", "1")) as both:
        yield both


@pytest.fixture(scope="session")
def two_notes_all(tmp_path_factory):
    """The two notes' meeting and its PDF and DOCX files, built once, one document at a time (-j 1). Shared."""
    meeting = two_notes(tmp_path_factory.mktemp("two-notes"))
    with shared(meeting, built(tmp_path_factory, meeting, "two-notes-all", "-j", "1")) as both:
        yield both


@pytest.fixture(scope="session")
def issued_basic(tmp_path_factory):
    """The basic meeting with its note `cities` built and recorded as issued (toolkit issue), once. Shared."""
    meeting = copy_meeting("basic", tmp_path_factory.mktemp("issued"))
    out = meeting.parent / "out"
    with announced("building and issuing the basic meeting's note once for the tests that start from it"):
        assert run_cli("build", meeting, "--out", out, "--only", "cities", "-q").exit_code == 0
        done = run_cli("issue", meeting, "cities", "--out", out)
    assert done.exit_code == 0, done.stderr
    with shared(meeting, out) as both:
        yield both


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    """The sample meeting, built once with the README's command."""
    return built(tmp_path_factory, SAMPLE, "sample")


@pytest.fixture(scope="session")
def basic_build(tmp_path_factory) -> Path:
    return built(tmp_path_factory, MEETINGS / "basic", "basic")
