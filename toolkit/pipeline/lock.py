"""An output folder -> held by one build at a time (a second build is refused, clearly).

The lock is a file, `.toolkit.lock`, locked with flock while the build runs and removed
when it ends, so no lock file stays among the documents. Removing it is safe: a build
that opened the file just before it went checks, once it holds the lock, that the file
is still the one in the folder, and starts again if not.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from toolkit.errors import ToolkitError

LOCK = ".toolkit.lock"
_ATTEMPTS = 20  # times a lock file removed under us is opened again (each time another build ended)


@contextmanager
def locked(out_dir: Path):
    path = out_dir / LOCK
    handle = _acquire(out_dir, path)
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
        handle.flush()
        yield
    finally:
        try:
            path.unlink()  # still held: whoever opens it now finds it gone once they lock it
        except OSError:
            pass  # a read-only folder: the empty lock file stays, unlocked
        handle.close()  # closing releases the lock


def _acquire(out_dir: Path, path: Path) -> IO[str]:
    for _ in range(_ATTEMPTS):
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            handle = open(path, "a+")
        except OSError as exc:
            raise ToolkitError(f"{out_dir}: cannot write to the output folder ({exc.strerror or exc})") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise ToolkitError(f"{out_dir}: another build is writing to this folder ({holder}); "
                               "wait for it to finish and run the command again") from None
        if _same_file(handle, path):
            return handle
        handle.close()  # the build that held it ended and removed it: lock the folder's current file
    raise ToolkitError(f"{out_dir}: other builds keep starting in this folder; run the command again")


def _same_file(handle: IO[str], path: Path) -> bool:
    try:
        current = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(handle.fileno())
    return (held.st_dev, held.st_ino) == (current.st_dev, current.st_ino)
