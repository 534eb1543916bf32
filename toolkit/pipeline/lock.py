"""An output folder -> held by one build at a time (a second build is refused, clearly)."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from toolkit.diagnostics import ToolkitError

LOCK = ".toolkit.lock"


@contextmanager
def locked(out_dir: Path):
    path = out_dir / LOCK
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+")
    except OSError as exc:
        raise ToolkitError(f"{out_dir}: cannot write to the output folder ({exc.strerror or exc})") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise ToolkitError(f"{out_dir}: another build is writing to this folder ({holder}); "
                               "wait for it to finish and run the command again") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the lock
