"""The README's ten-minute tour, run as written: each command of its `sh` blocks, in order, on a
fresh copy of the sample meeting, with the exit status the tour gives and the files it promises."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE
from preview_server import PreviewProcess, built

README = REPO / "README.md"
TOUR_HEADING = "## A ten-minute tour"
COMMAND_SECONDS = 900  # a cold build of the sample on a busy two-core machine, with room to spare
_STATUS = re.compile(r"#.*\bexit status (\d+)")


def tour_commands(text: str) -> list[tuple[list[str], int, str]]:
    """(arguments, expected exit status, the line as written) of each command in the `sh` blocks of
    the tour section. A command's comment may give its exit status ("# exit status 1: ..."); 0 if not."""
    start = text.index(TOUR_HEADING)
    end = text.find("\n## ", start + len(TOUR_HEADING))
    section = text[start:end if end >= 0 else len(text)]
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```", section, flags=re.S | re.M):
        for line in block.splitlines():
            args = shlex.split(line, comments=True)
            if args:
                status = _STATUS.search(line)
                commands.append((args, int(status.group(1)) if status else 0, line))
    return commands


def _toolkit() -> Path:
    """The repository's venv's `toolkit`, which `.venv/bin/toolkit` in the README names."""
    for candidate in (REPO / ".venv" / "bin" / "toolkit", Path(sys.executable).parent / "toolkit"):
        if candidate.exists():
            return candidate
    raise AssertionError("no toolkit executable in the virtual environment: run `bash setup.sh`")


class _TourPreview(PreviewProcess):
    """`toolkit preview` as the tour gives it, run in the tour's folder, on a free port."""

    def __init__(self, args: list[str], cwd: Path):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(args + ["--port", "0"], cwd=cwd, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.address = self._read_address()
        self.port = int(self.address.rstrip("/").rsplit(":", 1)[1])


def _run_preview(args: list[str], cwd: Path) -> None:
    preview = _TourPreview(args, cwd)
    try:
        state = preview.wait_for(built, seconds=COMMAND_SECONDS)
        assert not [p for p in state["problems"] if p["severity"] == "error"], state
        status, headers, body = preview.request("GET", "/")
        assert status == 200 and headers["content-type"].startswith("text/html"), (status, headers)
        meeting = cwd / args[2]
        pdf = cwd / "build" / meeting.name / "5d-low-carbon-cities.pdf"
        before = pdf.read_bytes()
        # "Change a sentence of the 5 (d) note and save: the new pages appear by themselves."
        note = meeting / "notes" / "5d-low-carbon-cities.md"
        text = note.read_text(encoding="utf-8")
        assert "Member States cannot meet" in text
        note.write_text(text.replace("Member States cannot meet", "Member States can hardly meet"), encoding="utf-8")
        preview.wait_for(lambda s: s["version"] > state["version"] and built(s), seconds=COMMAND_SECONDS)
        assert pdf.read_bytes() != before
    finally:
        process = preview.process
        if process.poll() is None:
            process.send_signal(signal.SIGINT)  # Ctrl-C, as the tour says
        try:
            process.wait(timeout=60)
            stderr = process.stderr.read().decode()
        finally:
            preview.stop()
    assert "Traceback" not in stderr, stderr


def _check_promises(args: list[str], cwd: Path) -> None:
    """What the tour says each command leaves behind."""
    command = args[1]
    if command in ("roll", "new"):
        assert (cwd / args[-1] / "meeting.yaml").is_file()
    elif command == "note":
        item = args[3].replace(" ", "").replace("(", "").replace(")", "")
        assert list((cwd / args[2] / "notes").glob(f"{item}-*.md")), "no new note"
    elif command == "build":
        out = cwd / "build" / Path(args[2]).name
        assert (out / "5d-low-carbon-cities.pdf").is_file() and (out / "5d-low-carbon-cities.docx").is_file()
        assert (out / "manifest.json").is_file()
    elif command == "issue":
        assert (cwd / args[2] / "issued" / f"{args[3]}.yaml").is_file()


def test_the_tour_names_each_step():
    commands = [args for args, _, _ in tour_commands(README.read_text(encoding="utf-8"))]
    assert all(args[0] == ".venv/bin/toolkit" for args in commands), commands
    named = [args[1] for args in commands]
    assert {"roll", "note", "preview", "check", "build", "issue"} <= set(named), named
    assert named.index("roll") < named.index("note") < named.index("preview") < named.index("build") \
        < named.index("issue")


def test_a_comment_gives_the_exit_status():
    text = f"{TOUR_HEADING}\n\n```sh\n.venv/bin/toolkit check a   # exit status 1: to fill\n" \
           "toolkit build a\n```\n\n```text\nnot run\n```\n\n## Next\n\n```sh\nnot in the tour\n```\n"
    assert tour_commands(text) == [([".venv/bin/toolkit", "check", "a"], 1, ".venv/bin/toolkit check a   # "
                                    "exit status 1: to fill"), (["toolkit", "build", "a"], 0, "toolkit build a")]


@pytest.mark.slow
def test_the_tour_runs_as_written(tmp_path):
    shutil.copytree(SAMPLE, tmp_path / SAMPLE.relative_to(REPO))
    toolkit = str(_toolkit())
    for args, expected, line in tour_commands(README.read_text(encoding="utf-8")):
        args = [toolkit if arg == ".venv/bin/toolkit" else arg for arg in args]
        if args[1] == "preview":
            _run_preview(args, tmp_path)
            continue
        done = subprocess.run(args, cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=COMMAND_SECONDS)
        said = f"{line}\n{done.stdout}{done.stderr}"
        assert done.returncode == expected, f"exit status {done.returncode}, not {expected}: {said}"
        assert "Traceback" not in done.stderr, said
        if expected == 0:
            _check_promises(args, tmp_path)
