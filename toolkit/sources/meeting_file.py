"""A file a note names (a table, an image) -> its bytes, once it is known to be a plain file of the meeting.

The path was already checked to be written inside the meeting folder; this still refuses
what the folder itself may hold: a link leading elsewhere (a partner's zip can carry one),
a FIFO or device that would block or never end, a directory, and a file past the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from toolkit.errors import Diagnostics, Position


def read_meeting_file(root: Path, rel: str, pos: Position, diags: Diagnostics, *,
                      limit: int, kind: str) -> bytes | None:
    """The bytes of root/rel, or None after one error at `pos` (`kind` names the file: "table file")."""
    named = f"{kind} {rel!r}"
    try:
        target = (root / rel).resolve(strict=True)
    except FileNotFoundError:
        diags.error(pos, f"{named} does not exist: check the name and the folder (names are case-sensitive)")
        return None
    except (OSError, RuntimeError) as exc:  # a loop of links, a folder without permission
        diags.error(pos, f"{named} cannot be opened: {getattr(exc, 'strerror', None) or exc}")
        return None
    if not target.is_relative_to(root.resolve()):
        diags.error(pos, f"{named} is a link to a file outside the meeting folder: copy the file itself "
                         "into the meeting folder")
        return None
    try:
        # O_NONBLOCK: a FIFO put in place of the checked file must not hang the build.
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        diags.error(pos, f"{named} cannot be opened: {exc.strerror or exc}")
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            diags.error(pos, f"{named} is not a regular file (a folder, a pipe or a device): "
                             "name a file saved in the meeting folder")
            return None
        if info.st_size > limit:
            diags.error(pos, f"{named} is larger than the limit of {_megabytes(limit)}: {_advice(kind)}")
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)  # the file may have grown since fstat
    except OSError as exc:
        diags.error(pos, f"{named} cannot be read: {exc.strerror or exc}")
        return None
    finally:
        os.close(fd)
    if len(data) > limit:
        diags.error(pos, f"{named} is larger than the limit of {_megabytes(limit)}: {_advice(kind)}")
        return None
    return data


def _megabytes(limit: int) -> str:
    return f"{limit / 2**20:g} MB"


def _advice(kind: str) -> str:
    if "image" in kind:
        return "save it at a lower resolution or as a compressed JPEG"
    return "a table in a document should be much smaller; keep only the rows and columns it shows"
