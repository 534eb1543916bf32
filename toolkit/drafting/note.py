"""`toolkit note MEETING ITEM`: notes/<item key>-<slug of its title>.md, its front matter from the agenda."""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

from toolkit.errors import Diagnostics, Refused, SourceError, ToolkitError
from toolkit.drafting.yamltext import scalar
from toolkit.model.meeting import AgendaItem, Meeting
from toolkit.sources import schema
from toolkit.sources.meeting import MEETING_FILE, load_meeting
from toolkit.sources.text import read_source
from toolkit.sources.yamlfile import load_mapping

_BODY = """
# Background

[Why the item is before the Meeting: what earlier sessions decided and what they asked the Secretariat to do.]

# Progress since the last meeting

[What was done since the last meeting, one paragraph for each activity.]
"""
_CONSIDERATIONS = """\
considerations:
  - text: "The Meeting may wish to:"
    items:
      - "[What the Meeting is invited to do, e.g. Take note of the progress of the activities; and]"
      - "[Another action, e.g. Approve the proposed activities for the coming year.]"
"""


def slug(title: str, limit: int = 40) -> str:
    """"Low carbon cities" -> low-carbon-cities (ASCII, cut at a word within `limit` characters)."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}" if out else word
    return out or "note"


def _items(meeting: Meeting) -> list[AgendaItem]:
    return [i for item in meeting.agenda for i in (item, *item.subitems)]


def _unknown(root: Path, wanted: str, meeting: Meeting) -> Refused:
    items = _items(meeting)
    keys = {item.key: item for item in items}
    code = re.sub(r"[\s()]", "", wanted.lower())
    near = difflib.get_close_matches(code, list(keys), n=len(keys), cutoff=0.5)  # 5f: 5e before 5
    guess = sorted(near, key=lambda k: (abs(len(k) - len(code)), abs(ord(k[-1]) - ord(code[-1]))))[:1]
    by_title = {item.title.lower(): item for item in items}
    guess += [by_title[t].key for t in difflib.get_close_matches(wanted.lower(), list(by_title), n=1, cutoff=0.6)]
    hint = f"; did you mean {guess[-1]} ({keys[guess[-1]].title})?" if guess else ""
    listing = ", ".join(f"{item.key} {item.title}" for item in items)
    return Refused(root / MEETING_FILE, f"the agenda has no item {wanted!r}{hint} The agenda's items: {listing}")


def _symbol_line(root: Path, meeting: Meeting, item: AgendaItem) -> str:
    if meeting.symbol:
        return f"symbol: {scalar(f'{meeting.symbol}/{item.key}')}\n"
    data = load_mapping(read_source(root, MEETING_FILE, Diagnostics()) or "", MEETING_FILE, Diagnostics(), "")
    if data is not None and schema.placeholder(data, "symbol"):
        return f'symbol: "[Symbol of the note, e.g. ESCAP/NEASPEC/SOM(27)/{item.key}]"\n'
    return ""


def new_note(root: Path, wanted: str) -> Path:
    """Writes the note; -> its path. Placeholders in meeting.yaml do not stop it (the agenda is enough)."""
    if not (root / MEETING_FILE).is_file():
        raise ToolkitError(f"{root}: not a meeting folder (it has no {MEETING_FILE})")
    diags = Diagnostics()
    meeting = load_meeting(root, diags)
    if meeting is None:
        raise SourceError(diags.errors, root)
    found = meeting.find_item(wanted) or meeting.find_item(wanted.lower())  # 5D as 5d
    if found is None:
        raise _unknown(root, wanted, meeting)
    item = found[0]
    path = root / "notes" / f"{item.key}-{slug(item.title)}.md"
    if path.exists():
        raise Refused(path, "already exists: nothing was written; edit it, or delete it to start again")
    # meeting.yaml `distribution: none`: a note's own `distribution:` would be refused
    distribution = "distribution: Limited\n" if meeting.distribution_shown else ""
    text = (f"---\nitem: {scalar(item.citation)}\ntitle: {scalar(item.title)}\n"
            f'date: "[Date of issue: YYYY-MM-DD]"\n{distribution}'
            f"{_symbol_line(root, meeting, item)}{_CONSIDERATIONS}---\n{_BODY}")
    path.parent.mkdir(exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never over a note written meanwhile
        handle.write(text)
    return path
