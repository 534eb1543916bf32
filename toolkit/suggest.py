"""A name that is not known -> the known name it was most likely meant to be, for "did you mean"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(name: str, known: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The known name a typing slip away from `name`, or None.

    The cutoff is high on purpose: a wrong suggestion sends the drafter the wrong way,
    while no suggestion still leaves them the list of what is known."""
    candidates = [k for k in known if k != name]
    lowered = {k.lower(): k for k in candidates}
    if name.lower() in lowered:  # only the case differs
        return lowered[name.lower()]
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(name: str, known: Iterable[str], cutoff: float = 0.75) -> str:
    """"; did you mean 'title'?" to end a message, or "" when nothing is close enough."""
    found = closest(name, known, cutoff)
    return f"; did you mean {found!r}?" if found else ""
