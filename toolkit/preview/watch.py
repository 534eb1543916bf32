"""Saved sources -> sets of changed paths, from the operating system's file events (watchfiles).

No folder is scanned on a timer: watchfiles waits on inotify (or the platform's equivalent)
and groups the events of one save (an editor writing a temporary file and renaming it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import watchfiles

# Editors' lock and backup files are not sources.
_IGNORED_PREFIXES = (".#", "#", ".~lock.")


class SourceFilter(watchfiles.DefaultFilter):
    """watchfiles' default (version control, caches, swap and backup files) less the output folder."""

    def __init__(self, out_dir: Path):
        super().__init__()
        self._out = out_dir.resolve()

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        if not super().__call__(change, path):
            return False
        resolved = Path(path).resolve()
        if resolved == self._out or self._out in resolved.parents:
            return False  # the build's own writes, when the output folder is inside the meeting folder
        return not Path(path).name.startswith(_IGNORED_PREFIXES)


def source_changes(meeting_dir: Path, out_dir: Path, stop: threading.Event) -> Iterator[set[str]]:
    """Blocks until sources change; yields the changed paths; ends when `stop` is set."""
    for changes in watchfiles.watch(meeting_dir, watch_filter=SourceFilter(out_dir), stop_event=stop,
                                    debounce=1600, step=50, rust_timeout=0, raise_interrupt=False):
        yield {path for _, path in changes}
