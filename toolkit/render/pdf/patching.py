"""Changes to WeasyPrint's and pydyf's internals (tagging.py, weasyprint_fix.py, archival.py),
each applied once per process: layout and writing then go through them at every build."""

from __future__ import annotations

import functools
from collections.abc import Callable


def applied_once(apply: Callable[[], bool]) -> Callable[[], bool]:
    """install() for one change: applies it at the first call that finds the internals it was
    written for (apply returns False when they are not those), and does nothing after."""
    done = False

    @functools.wraps(apply)
    def install() -> bool:
        nonlocal done
        if not done:
            done = apply()
        return done

    return install
