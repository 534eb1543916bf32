"""A new meeting folder -> a `build/` line in the .gitignore beside it, unless git already ignores that folder.

`toolkit build .` run from inside a meeting folder writes build/<name> beside the meeting
folder (never among its sources): that folder holds outputs, not sources to keep."""

from __future__ import annotations

import subprocess
from pathlib import Path

LINE = "build/"
_SAID = "# what `toolkit build` writes (build/<meeting name>): outputs, made again from the sources\n"


def ignore_build_folder(meeting: Path) -> Path | None:
    """-> the .gitignore written or added to, or None when nothing was needed."""
    parent = meeting.resolve().parent
    if _git_ignores(parent / "build" / meeting.name / "x.pdf"):
        return None
    ignore = parent / ".gitignore"
    text = ignore.read_text(encoding="utf-8") if ignore.is_file() else ""
    if any(line.strip() in ("build/", "/build/", "build", "/build") for line in text.splitlines()):
        return None
    ignore.write_text(text + ("\n" if text and not text.endswith("\n") else "") + _SAID + LINE + "\n",
                      encoding="utf-8")
    return meeting.parent / ".gitignore"


def _git_ignores(path: Path) -> bool:
    try:  # no git, or not a repository: the line is written, ready for when it becomes one
        done = subprocess.run(["git", "check-ignore", "-q", "--no-index", str(path)], cwd=path.parent.parent.parent,
                              capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0
