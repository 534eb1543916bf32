"""LibreOffice: found on PATH, run for batch conversions, and fingerprinted for the build cache.

One lookup for every use (the DOCX contents' layout, an attached Word annex converted for
the PDF, the build's fingerprint): Debian installs the program as `soffice` and
`libreoffice`, and either alone must do.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

PROGRAMS = ("soffice", "libreoffice")
# Per document of a batch: laying out a note takes LibreOffice about a tenth of a second
# after its start-up, so a run this long is stuck (a hostile file), not busy.
SECONDS_PER_DOCUMENT = 180


class OfficeError(Exception):
    """LibreOffice did not convert; the message says how."""


def find() -> str | None:
    """The LibreOffice program on PATH, or None."""
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert(documents: list[bytes], program: str, *, source: str = "docx", target: str = "pdf") -> list[bytes]:
    """Several files (of type `source`) -> each converted to `target` ("pdf", "docx:MS Word 2007 XML"),
    in one LibreOffice run: its start-up is most of the time."""
    # A fresh private profile per run (a fraction of a second): builds at once never share
    # one, no user setting (a macro) applies, and nothing is left behind.
    with tempfile.TemporaryDirectory(prefix="toolkit-office-") as tmp:
        sources = [Path(tmp, f"document{index}.{source}") for index in range(len(documents))]
        for path, data in zip(sources, documents, strict=True):
            path.write_bytes(data)
        out = Path(tmp, "out")
        profile = Path(tmp, "profile").as_uri()
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
                   "--convert-to", target, "--outdir", str(out), *map(str, sources)]
        try:
            done = subprocess.run(command, capture_output=True, check=False,
                                  timeout=SECONDS_PER_DOCUMENT * max(len(documents), 1))
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OfficeError(f"LibreOffice did not convert ({exc})") from exc
        suffix = target.partition(":")[0]
        results = [out / f"{path.stem}.{suffix}" for path in sources]
        if done.returncode != 0 or not all(path.is_file() for path in results):
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise OfficeError(f"LibreOffice did not convert (exit {done.returncode}"
                              f"{': ' + said[-1] if said else ''})")
        return [path.read_bytes() for path in results]


@functools.lru_cache(maxsize=1)
def digest() -> str:
    """The installed LibreOffice, "none" without one: an input of every output it lays out or converts."""
    program = find()
    if program is None:
        return "none"
    # The program's size and date stand for its version: a stat, not a read, so the toolkit
    # opens no file outside the meeting, the templates and the fonts.
    resolved = Path(program).resolve()
    binary = resolved.with_name("soffice.bin")
    stat = (binary if binary.exists() else resolved).stat()
    return hashlib.sha256(f"{resolved}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()
